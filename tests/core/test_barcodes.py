"""Scan parsing: every kind, AIM identifiers, GS1 separators, refusals, and hostile input."""

from __future__ import annotations

import json
import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.rules.barcodes import GS, MAX_SCAN_LENGTH, describe_symbology, parse_scan, show_controls

GTIN = "09506000134376"  # valid check digit
BAD_GTIN = "09506000134375"


class TestGs1:
    def test_gs1_128_with_aim_and_gs_separators(self):
        scan = parse_scan(f"]C101{GTIN}21SN0001{GS}10LOT42{GS}400PO-7781")

        assert scan.kind == "gs1"
        assert scan.symbology == "]C1"
        assert (scan.gtin, scan.serial, scan.batch, scan.order_number) == (
            GTIN, "SN0001", "LOT42", "PO-7781")
        assert scan.text == f"(01){GTIN}(21)SN0001(10)LOT42(400)PO-7781"
        assert scan.error is None

    @pytest.mark.parametrize("aim", ["]d2", "]Q3", "]e0", "]J1"])
    def test_other_gs1_symbologies(self, aim):
        scan = parse_scan(f"{aim}01{GTIN}21SN9")

        assert (scan.kind, scan.symbology, scan.serial) == ("gs1", aim, "SN9")

    def test_production_date_is_a_date(self):
        scan = parse_scan(f"]d201{GTIN}11250201{GS}21SN1")

        assert scan.production_date == date(2025, 2, 1)
        assert scan.as_dict()["production_date"] == "2025-02-01"
        # The scan log keeps every field, and the parsed scan itself is left as it was.
        assert scan.as_dict() == {
            "raw": scan.raw, "kind": "gs1", "symbology": "]d2", "text": scan.text,
            "serial": "SN1", "gtin": GTIN, "order_number": None, "batch": None,
            "production_date": "2025-02-01", "error": None}
        assert scan.production_date == date(2025, 2, 1)

    def test_human_readable_parentheses_form(self):
        scan = parse_scan(f"(01){GTIN}(10)LOT42(21)SN0001")

        assert (scan.kind, scan.batch, scan.serial) == ("gs1", "LOT42", "SN0001")

    def test_gs1_without_aim_recognised_by_ai_and_gs(self):
        scan = parse_scan(f"400PO-1{GS}21SN5")

        assert (scan.kind, scan.order_number, scan.serial) == ("gs1", "PO-1", "SN5")

    def test_gtin_then_serial_without_aim_or_gs(self):
        # A GS1 DataMatrix with 01 + 21 needs no GS; the scanner may send no AIM prefix.
        scan = parse_scan(f"01{GTIN}21SN1234")

        assert (scan.kind, scan.serial) == ("gs1", "SN1234")

    def test_digital_link(self):
        scan = parse_scan(f"https://id.gs1.org/01/{GTIN}/21/SN1")

        assert (scan.kind, scan.gtin, scan.serial) == ("gs1", GTIN, "SN1")

    @pytest.mark.parametrize("substitute", ["<GS>", "{GS}", "\u241d"])
    def test_scanner_substitutes_for_gs(self, substitute):
        scan = parse_scan(f"]C101{GTIN}10LOT42{substitute}21SN0001")

        assert (scan.batch, scan.serial) == ("LOT42", "SN0001")

    def test_invalid_check_digit_is_refused_with_biips_reason(self):
        scan = parse_scan(f"]C101{BAD_GTIN}21SN0001")

        assert scan.kind == "unreadable"
        assert "check digit" in scan.error
        assert scan.serial is None

    def test_invalid_date_is_refused(self):
        scan = parse_scan(f"]C101{GTIN}11250230{GS}21SN1")

        assert scan.kind == "unreadable"
        assert "250230" in scan.error

    def test_missing_gs_does_not_merge_serial_into_batch(self):
        # What a QLineEdit makes of Ctrl+]: biip alone would return batch "LOT4221SN0001".
        scan = parse_scan(f"]C101{GTIN}10LOT4221SN0001")

        assert scan.kind == "unreadable"
        assert scan.batch is None and scan.serial is None
        assert "GS separator" in scan.error and "SN0001" in scan.error

    def test_merged_fields_without_aim_are_refused_not_taken_as_plain(self):
        scan = parse_scan(f"01{GTIN}1125020110LOT4221SN0001")

        assert scan.kind == "unreadable"

    def test_serial_containing_ai_digits_is_not_a_merge(self):
        scan = parse_scan(f"]C101{GTIN}21SN2110")

        assert (scan.kind, scan.serial) == ("gs1", "SN2110")

    def test_garbage_after_gs1_aim(self):
        scan = parse_scan("]C1hello")

        assert scan.kind == "unreadable"
        assert scan.error.startswith("Invalid GS1 barcode:")


class TestPlain:
    @pytest.mark.parametrize("serial", ["0123456789", "4006381333931", "SN-0001", "ABC 12/3"])
    def test_plain_codes_are_taken_as_they_are(self, serial):
        scan = parse_scan(serial)

        assert (scan.kind, scan.text, scan.serial) == ("plain", serial, None)

    def test_code_128_aim_is_stripped_and_recorded(self):
        scan = parse_scan("]C0SN-0001")

        assert (scan.kind, scan.symbology, scan.text) == ("plain", "]C0", "SN-0001")
        assert describe_symbology(scan.symbology) == "Code 128"

    def test_control_and_bidi_characters_are_trimmed(self):
        scan = parse_scan("\x02\u200fSN\x00-0001\u202e\r\n")

        assert scan.text == "SN-0001"
        assert scan.raw == "\x02\u200fSN\x00-0001\u202e\r\n"

    def test_ean_with_aim_keeps_gtin(self):
        assert parse_scan("]E04006381333931").gtin == "4006381333931"
        assert parse_scan("]E04006381333932").kind == "unreadable"


class TestRefused:
    @pytest.mark.parametrize("raw", ["", "   ", "\x1d\x1d", "\x00\r\n\t", "\u200f\ufeff", "]C1"])
    def test_empty_is_unreadable(self, raw):
        scan = parse_scan(raw)

        assert scan.kind == "unreadable"
        assert scan.error

    @pytest.mark.parametrize(
        ("raw", "meant"),
        [("&é\"'(-è_çà", "1234567890"), ("SN)ààà&", "SN-0001"), ("qbc)àé", "abc-02")],
    )
    def test_azerty_garbled_scan_says_how_to_fix(self, raw, meant):
        scan = parse_scan(raw)

        assert scan.kind == "garbled_layout"
        assert meant in scan.error
        assert "keyboard layout" in scan.error and "US" in scan.error

    def test_scanner_on_azerty_station_on_us(self):
        assert parse_scan("!@#$%^").kind == "garbled_layout"

    @pytest.mark.parametrize("raw", ["AB-CD", "O'Neil", "(555)", "SN_1-2(3)"])
    def test_ordinary_punctuation_is_not_garbled(self, raw):
        assert parse_scan(raw).kind != "garbled_layout"

    def test_one_megabyte_is_capped_and_said(self):
        started = time.perf_counter()
        scan = parse_scan("A" * 1_000_000)

        assert time.perf_counter() - started < 0.1
        assert scan.kind == "unreadable"
        assert len(scan.raw) == MAX_SCAN_LENGTH
        assert "too long" in scan.error

    def test_lone_surrogate_is_storable(self):
        scan = parse_scan("SN\ud800-1")

        json.dumps(scan.as_dict(), ensure_ascii=False).encode("utf-8")
        assert scan.kind == "plain"


def test_show_controls_names_invisible_characters():
    assert show_controls("]C1\x1dA\r\n\x00\u200f") == "]C1<GS>A<CR><LF><NUL><U+200F>"


def test_parse_is_fast():
    raw = f"]C101{GTIN}21SN0001{GS}10LOT42"
    started = time.perf_counter()
    for _ in range(200):
        parse_scan(raw)
    # ~100 us each on a bench PC; a generous bound so a busy CI runner does not flake.
    assert (time.perf_counter() - started) / 200 < 0.002


_scanner_alphabet = st.sampled_from(
    list("0123456789ABCSN-()&é\"'_çàè]Cd") + [GS, "\x00", "\r", "\u200f", "\ud800", "<GS>", "]C1", "01", "21", "10"]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(_scanner_alphabet, max_size=40).map("".join),
                 st.binary(max_size=64).map(lambda b: b.decode("latin-1"))))
def test_never_raises(raw):
    scan = parse_scan(raw)

    assert scan.kind in {"gs1", "plain", "unreadable", "garbled_layout"}
    assert (scan.error is None) == (scan.kind in {"gs1", "plain"})
    json.dumps(scan.as_dict()).encode("utf-8")
    scan.raw.encode("utf-8")


@pytest.mark.parametrize("raw", ["]C1]", "]E0]", "]C1]C1", "]d2]"])
def test_malformed_prefixes_found_by_fuzzing_are_refused_not_raised(raw: str) -> None:
    parsed = parse_scan(raw)
    assert parsed.kind == "unreadable" and parsed.error
