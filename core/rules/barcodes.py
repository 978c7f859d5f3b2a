"""What one barcode scan means: GS1 element strings, plain codes, and scans we must refuse.

Pure Python (no Qt): the keyboard, serial and camera scanners in ``ui/scanner`` hand their raw text
to :func:`parse_scan`, and so does the ``scan`` command reading stdin.

A scan is one of four kinds:

* ``"gs1"``: a GS1 element string (GS1-128, GS1 DataMatrix, GS1 QR, GS1 Digital Link, EAN/UPC),
  parsed with biip; serial (AI 21), GTIN (AI 01), order number (AI 400), batch (AI 10) and
  production date (AI 11) are picked out.
* ``"plain"``: any other code (Code 128, QR, ...), taken as it is, trimmed of control characters.
* ``"unreadable"``: empty, too long, or GS1 data that biip refuses (its reason is kept), including
  fields that look merged because the scanner dropped the GS separator.
* ``"garbled_layout"``: keystrokes mangled by a keyboard layout that differs from the scanner's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, Literal

import biip
from biip import ParseConfig

ScanKind = Literal["gs1", "plain", "unreadable", "garbled_layout"]

GS = "\x1d"

#: Longer input is refused: no barcode a scanner reads holds this much, and storing a megabyte of
#: pasted text per scan would bloat the scan log.
MAX_SCAN_LENGTH = 4096

#: AIM symbology identifiers a scanner may prefix (``]`` + symbology letter + modifier).
SYMBOLOGY_NAMES = {
    "]C0": "Code 128",
    "]C1": "GS1-128",
    "]C2": "Code 128 (AIM)",
    "]d1": "Data Matrix",
    "]d2": "GS1 DataMatrix",
    "]Q1": "QR Code",
    "]Q3": "GS1 QR Code",
    "]E0": "EAN-13 / UPC",
    "]E3": "EAN-13 with add-on",
    "]E4": "EAN-8",
    "]e0": "GS1 DataBar",
    "]J1": "GS1 DotCode",
    "]A0": "Code 39",
    "]I0": "Interleaved 2 of 5",
    "]L2": "PDF417",
    "]z0": "Aztec",
}
_GS1_SYMBOLOGIES = frozenset({"]C1", "]d2", "]Q3", "]e0", "]J1"})
_GTIN_SYMBOLOGIES = frozenset({"]E0", "]E3", "]E4"})
_AIM_RE = re.compile(r"\][A-Za-z][0-9A-Za-z]")

# Text some scanners and decoders send in place of the GS byte. Each is safe to turn back into
# GS because none can occur in a real serial: the caret form "^]" is not included, since a caret
# followed by a bracket is legal Code 128 data.
_GS_SUBSTITUTES = ("<GS>", "{GS}", "\u241d")

# C0/C1 controls, zero-width and bidirectional marks, BOM: invisible characters a scanner, a wedge
# driver or a copy-paste can add, which would make "SN1" and "\u200fSN1" two different serials.
_INVISIBLE_BUT_GS = (
    "\x00-\x1c\x1e\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb"
)
_INVISIBLE = _INVISIBLE_BUT_GS + GS
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")
_INVISIBLE_EXCEPT_GS_RE = re.compile(f"[{_INVISIBLE_BUT_GS}]")
_EDGE_RE = re.compile(f"^[\\s{_INVISIBLE}]+|[\\s{_INVISIBLE}]+$")

# What "clearly GS1" looks like without an AIM identifier.
_HRI_START_RE = re.compile(r"\(\d{2,4}\)")
_HRI_SPLIT_RE = re.compile(r"\((\d{2,4})\)")
_AI_WITH_GS_START_RE = re.compile(r"(?:00|01|10|11|17|21|240|241|250|400)")
_GTIN_THEN_AI_RE = re.compile(r"01\d{14}(?:10|11|17|21|240|250|400)")
_DIGITAL_LINK_RE = re.compile(r"https?://\S+/01/\d{14}", re.IGNORECASE)

# AIs that a merged variable-length field could hide; these are the ones matching needs.
_HIDEABLE_AIS = ("21", "400")

_CONFIG = ParseConfig(separator_chars=[GS])

# A scanner sending US key codes to a station set to AZERTY types the top row unshifted.
_AZERTY_DIGITS = "&é\"'(-è_çà"
_AZERTY_TO_US = str.maketrans(_AZERTY_DIGITS + ")aqAQzwZW,", "1234567890" + "-qaQAwzWZm")
_AZERTY_STRONG = frozenset("éèçà")
_AZERTY_CHARS = frozenset(_AZERTY_DIGITS + ")")
# A scanner set to AZERTY on a US station sends Shift+digit keys: "1" arrives as "!".
_US_SHIFTED_DIGITS = frozenset("!@#$%^&*()")

_LAYOUT_FIX = (
    "Set the scanner's keyboard language to the one the station uses (scan the layout barcode in "
    "the scanner's manual), or switch this station's keyboard layout to US, then scan again."
)


@dataclass(frozen=True, slots=True)
class ParsedScan:
    """One scan and what it means.

    Attributes:
        raw: The text as received, capped at ``MAX_SCAN_LENGTH`` characters, with lone
            surrogates written as ``\\udxxx`` so that it can always be stored as UTF-8.
        kind: ``"gs1"``, ``"plain"``, ``"unreadable"`` or ``"garbled_layout"``.
        symbology: The AIM symbology identifier the scanner put in front (``"]C1"``), if any.
        text: The content without the AIM identifier or control characters; GS1 data is shown
            in its human-readable form, ``(01)...(21)...``.
        serial: AI 21.
        gtin: AI 01 (or the GTIN of an EAN/UPC code).
        order_number: AI 400, the customer's purchase order number.
        batch: AI 10.
        production_date: AI 11.
        error: Why the scan is unreadable or garbled, in words for the technician.
    """

    raw: str
    kind: ScanKind
    symbology: str | None = None
    text: str = ""
    serial: str | None = None
    gtin: str | None = None
    order_number: str | None = None
    batch: str | None = None
    production_date: date | None = None
    error: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        """Return the fields as JSON-ready values (dates in ISO format) for the scan log."""
        # Every field is a flat value: a shallow copy (asdict's deep copy of each field was
        # about 5% of a rejected scan's time).
        data: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        if self.production_date is not None:
            data["production_date"] = self.production_date.isoformat()
        return data


def parse_scan(raw: str) -> ParsedScan:
    """Tell what a scan means.

    Never raises for any string: whatever a scanner, a serial port or stdin delivers ends up as a
    :class:`ParsedScan`, at worst of kind ``"unreadable"`` with the reason.

    Args:
        raw: The scan as received, without the Enter/Tab/CR-LF that ended it.

    Returns:
        The parsed scan.
    """
    if isinstance(raw, bytes | bytearray):  # a serial port caller may forget to decode
        raw = bytes(raw).decode("utf-8", "replace")
    length = len(raw)
    raw = _storable(raw[:MAX_SCAN_LENGTH])
    if length > MAX_SCAN_LENGTH:
        return ParsedScan(
            raw=raw,
            kind="unreadable",
            error=(
                f"The scan is too long ({length:,} characters; only the first {MAX_SCAN_LENGTH:,} "
                "are kept). No barcode holds this much: check what is sending keystrokes."
            ),
        )
    body = _EDGE_RE.sub("", raw)
    symbology = None
    if _AIM_RE.match(body):
        symbology, body = body[:3], _EDGE_RE.sub("", body[3:])
    for substitute in _GS_SUBSTITUTES:
        body = body.replace(substitute, GS)
    body = _INVISIBLE_EXCEPT_GS_RE.sub("", body).strip(GS + " ")
    if not _INVISIBLE_RE.sub("", body).strip():
        return ParsedScan(
            raw=raw,
            kind="unreadable",
            symbology=symbology,
            error="The scan is empty: nothing but control characters or spaces arrived.",
        )

    if symbology is None:
        garbled = _garbled_layout(body)
        if garbled:
            return ParsedScan(raw=raw, kind="garbled_layout", text=body, error=garbled)

    if symbology in _GS1_SYMBOLOGIES or _clearly_gs1(body):
        parsed = _parse_gs1(raw, symbology, body)
        assert parsed is not None  # only a guess returns None
        return parsed
    if symbology in _GTIN_SYMBOLOGIES:
        return _parse_gtin(raw, symbology, body)
    if symbology is None and _GTIN_THEN_AI_RE.match(body):
        # A GS1 DataMatrix read by a scanner without AIM prefixes: 01 + GTIN + 21 + serial needs
        # no GS. Only taken as GS1 if the whole string parses cleanly; a plain serial that
        # happens to start like this stays plain.
        guess = _parse_gs1(raw, symbology, body, guessing=True)
        if guess is not None:
            return guess
    return ParsedScan(raw=raw, kind="plain", symbology=symbology, text=_INVISIBLE_RE.sub("", body))


def show_controls(text: str) -> str:
    """Return ``text`` with invisible characters written out (``<GS>``, ``<CR>``, ``<U+200F>``).

    For the scanner test page and logs, where the technician must see what the scanner sent.
    """
    return "".join(_visible(char) for char in text)


def describe_symbology(symbology: str | None) -> str:
    """Return a readable name for an AIM identifier, e.g. ``"]C1"`` -> ``"GS1-128"``."""
    if symbology is None:
        return "no AIM identifier"
    return SYMBOLOGY_NAMES.get(symbology, f"AIM {symbology}")


_CONTROL_NAMES = {0x00: "NUL", 0x04: "EOT", 0x09: "TAB", 0x0A: "LF", 0x0D: "CR", 0x1B: "ESC",
                  0x1C: "FS", 0x1D: "GS", 0x1E: "RS", 0x1F: "US", 0x7F: "DEL"}


def _visible(char: str) -> str:
    code = ord(char)
    if code in _CONTROL_NAMES:
        return f"<{_CONTROL_NAMES[code]}>"
    if 0xD800 <= code <= 0xDFFF or _INVISIBLE_RE.match(char):
        return f"<U+{code:04X}>"
    return char


def _storable(raw: str) -> str:
    """Make ``raw`` encodable as UTF-8: a lone surrogate would make the database write fail."""
    try:
        raw.encode("utf-8")
    except UnicodeEncodeError:
        return raw.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw


def _clearly_gs1(body: str) -> bool:
    if _HRI_START_RE.match(body) or _DIGITAL_LINK_RE.match(body):
        return True
    # Digits alone prove nothing ("0123456789" is a fine serial); a GS after a leading AI does.
    return GS in body and _AI_WITH_GS_START_RE.match(body) is not None


def _parse_gs1(
    raw: str, symbology: str | None, body: str, *, guessing: bool = False
) -> ParsedScan | None:
    """Parse GS1 data; when only ``guessing`` it is GS1, return None if biip refuses it."""
    hri = _HRI_START_RE.match(body) is not None
    data = _hri_to_element_string(body) if hri else body
    try:
        result = biip.parse(data, config=_CONFIG)
    except Exception as exc:  # biip raises on a few malformed prefixes, e.g. a lone "]"
        return None if guessing else _unreadable_gs1(raw, symbology, body, f"not GS1 data ({exc})")
    message = result.gs1_message or result.gs1_digital_link_uri
    if message is None:
        if guessing:
            return None
        reason = result.gs1_message_error or result.gs1_digital_link_uri_error or "not GS1 data"
        return _unreadable_gs1(raw, symbology, body, reason)
    elements = message.element_strings
    if not elements:
        return None if guessing else _unreadable_gs1(raw, symbology, body, "no GS1 data in it")
    problems = [
        problem
        for element in elements
        for problem in (element.gtin_error, element.gln_error, element.sscc_error)
        if problem
    ]
    if problems:
        if guessing:
            return None
        return _unreadable_gs1(raw, symbology, body, "; ".join(problems))
    if not hri and GS not in data and result.gs1_message is not None:
        merged = _hidden_ai(elements)
        if merged:
            return _unreadable_gs1(raw, symbology, body, merged)

    values = {}
    for element in elements:
        values.setdefault(element.ai.ai, element)
    production = values.get("11")
    return ParsedScan(
        raw=raw,
        kind="gs1",
        symbology=symbology,
        text="".join(f"({element.ai.ai}){element.value}" for element in elements),
        serial=_value(values, "21"),
        gtin=_value(values, "01"),
        order_number=_value(values, "400"),
        batch=_value(values, "10"),
        production_date=production.date if production is not None else None,
    )


def _parse_gtin(raw: str, symbology: str, body: str) -> ParsedScan:
    try:
        result = biip.parse(body, config=_CONFIG)
    except Exception as exc:  # see _parse_gs1
        return _unreadable_gs1(raw, symbology, body, f"not a GTIN ({exc})")
    if result.gtin is None:
        reason = result.gtin_error or result.upc_error or "not a GTIN"
        return ParsedScan(raw=raw, kind="unreadable", symbology=symbology, text=body,
                          error=f"Invalid EAN/UPC code: {reason}")
    return ParsedScan(raw=raw, kind="gs1", symbology=symbology, text=body, gtin=result.gtin.value)


def _unreadable_gs1(raw: str, symbology: str | None, body: str, reason: str) -> ParsedScan:
    return ParsedScan(raw=raw, kind="unreadable", symbology=symbology, text=body,
                      error=f"Invalid GS1 barcode: {reason}")


def _value(values: dict, ai: str) -> str | None:
    element = values.get(ai)
    return element.value if element is not None else None


def _hri_to_element_string(body: str) -> str:
    """Turn ``(01)0950...(21)SN1`` into the GS-separated element string biip reads."""
    parts = _HRI_SPLIT_RE.split(body)
    if parts[0].strip():
        return body  # text before the first "(AI)": let biip give its reason
    pairs = zip(parts[1::2], parts[2::2], strict=True)
    # A GS after every field is harmless for fixed-length AIs and required for the others.
    return GS.join(ai + value.strip().strip(GS) for ai, value in pairs)


def _hidden_ai(elements: list) -> str | None:
    """Find a serial or order number swallowed by a variable-length field (GS missing).

    Without a GS, biip reads ``10LOT4221SN0001`` as one batch ``LOT4221SN0001``: the serial is
    gone and nothing fails. We refuse such a scan when the merged value ends in a well-formed
    AI 21 or 400 that the message otherwise lacks. A batch that really contains "21..." and no
    serial is refused too; the technician then types the serial, which is the lesser harm.
    """
    present = {element.ai.ai for element in elements}
    for element in elements:
        if not element.ai.separator_required:
            continue
        value = element.value
        for ai in _HIDEABLE_AIS:
            if ai in present:
                continue
            start = value.find(ai, 1)
            while start > 0:
                tail = biip.parse(value[start:], config=_CONFIG).gs1_message
                if tail is not None and tail.element_strings[0].ai.ai == ai:
                    return (
                        f"AI ({element.ai.ai}) '{value}' seems to hold AI ({ai}) "
                        f"'{tail.element_strings[0].value}': the GS separator between them is "
                        "missing. Set the scanner to send GS (FNC1), e.g. as Ctrl+], or type "
                        "the value."
                    )
                start = value.find(ai, start + 1)
    return None


def _garbled_layout(body: str) -> str | None:
    """Say how a scan was garbled by a keyboard layout mismatch, or None if it looks fine."""
    if len(body) < 2:
        return None
    digits = sum(char.isdigit() for char in body if char.isascii())
    azerty = sum(char in _AZERTY_CHARS for char in body)
    strong = any(char in _AZERTY_STRONG for char in body)
    if digits == 0 and ((strong and azerty >= 2) or (azerty >= 3 and azerty * 10 >= len(body) * 3)):
        meant = body.translate(_AZERTY_TO_US)
        return (
            f"The scan looks garbled by a keyboard layout mismatch: '{body}' is probably "
            f"'{meant}' typed through a French (AZERTY) layout. {_LAYOUT_FIX}"
        )
    shifted = sum(char in _US_SHIFTED_DIGITS for char in body)
    if shifted >= 3 and shifted * 10 >= len(body) * 3 and digits * 3 <= shifted:
        return (
            f"The scan looks garbled by a keyboard layout mismatch: '{body}' has symbols where "
            f"digits belong, as when the scanner is set to AZERTY and the station to US. {_LAYOUT_FIX}"
        )
    return None
