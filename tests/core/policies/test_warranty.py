"""Warranty decisions for every seed policy (W1-W5, I4, I5), both sides of each boundary."""

from __future__ import annotations

import datetime as dt

import pytest

from core.errors import UserError
from core.policies import extension_after_paid_repair, latest_extension, load_preset, warranty
from core.policies.warranty import add_months
from tests.core.policies.conftest import D, unit

CK, JH, JA, JO = (load_preset(c) for c in ("changkong", "jetharness", "jasminer", "jomplair"))
MONTHS = {"jasminer.warranty_months": "12", "jomplair.warranty_months": "12"}


@pytest.mark.parametrize(
    ("facts", "status", "end"),
    [
        # rule W4 with proof: 180 days from purchase, the day of expiry included.
        (dict(purchase_date=D(2025, 1, 1), proof_of_purchase=True, received_on=D(2025, 6, 30)), "covered", D(2025, 6, 30)),
        (dict(purchase_date=D(2025, 1, 1), proof_of_purchase=True, received_on=D(2025, 7, 1)), "not_covered", D(2025, 6, 30)),
        # rule W4 without proof: 240 days from factory shipment, even if a purchase date is known.
        (dict(purchase_date=D(2025, 1, 1), factory_date=D(2024, 12, 1), received_on=D(2025, 7, 29)), "covered", D(2025, 7, 29)),
        (dict(purchase_date=D(2025, 1, 1), factory_date=D(2024, 12, 1), received_on=D(2025, 7, 30)), "not_covered", D(2025, 7, 29)),
        # missing dates: cannot tell, never covered
        (dict(proof_of_purchase=True, received_on=D(2025, 7, 1)), "cannot_tell", None),
        (dict(factory_date=D(2025, 1, 1)), "cannot_tell", D(2025, 8, 29)),
    ],
)
def test_changkong_w4(facts: dict, status: str, end: dt.date | None) -> None:
    d = warranty(CK, unit("changkong", **facts))
    assert (d.status, d.end, d.rule) == (status, end, "W4")


def test_cannot_tell_names_missing_dates() -> None:
    d = warranty(CK, unit("changkong", proof_of_purchase=True))
    assert d.missing == ("purchase_date", "received_on")
    assert "purchase date" in d.explanation["en"] and "购买日期" in d.explanation["zh_CN"]
    assert warranty(JH, unit("jetharness", purchase_date=D(2025, 1, 1), received_on=D(2025, 2, 1))).missing == ("proof_of_purchase",)


@pytest.mark.parametrize(
    ("received", "status"),
    [(D(2025, 3, 1), "covered"), (D(2025, 5, 2), "covered"), (D(2025, 5, 3), "not_covered")],
)
def test_w4_extension_after_paid_repair(received: dt.date, status: str) -> None:
    ext = extension_after_paid_repair(CK, D(2025, 3, 3))
    assert ext == D(2025, 5, 2)  # 60 days from the day it was sent back, last day included
    facts = unit("changkong", purchase_date=D(2024, 1, 1), proof_of_purchase=True, received_on=received, extended_until=ext)
    d = warranty(CK, facts)
    assert d.status == status
    if status == "covered":
        assert "2025-05-02" in d.explanation["en"] and d.rule == "W4"


def test_extension_only_where_the_policy_has_one() -> None:
    assert extension_after_paid_repair(JH, D(2025, 3, 3)) is None
    assert latest_extension(CK, [D(2025, 1, 1), D(2025, 3, 3)]) == D(2025, 5, 2)
    assert latest_extension(CK, []) is None
    facts = unit("jetharness", purchase_date=D(2020, 1, 1), proof_of_purchase=True, received_on=D(2025, 1, 1),
                 extended_until=D(2026, 1, 1))
    assert warranty(JH, facts).status == "not_covered"


def test_extension_does_not_override_exclusions() -> None:
    facts = unit("changkong", received_on=D(2025, 3, 1), extended_until=D(2025, 5, 2), exclusions=frozenset({"water"}))
    assert warranty(CK, facts).status == "not_covered"


@pytest.mark.parametrize(
    ("purchase", "received", "status"),
    [
        (D(2024, 3, 10), D(2025, 3, 10), "covered"),      # one year, anniversary day included
        (D(2024, 3, 10), D(2025, 3, 11), "not_covered"),
        (D(2024, 2, 29), D(2025, 2, 28), "covered"),      # leap day clamps to month end
        (D(2024, 2, 29), D(2025, 3, 1), "not_covered"),
    ],
)
def test_jetharness_w1(purchase: dt.date, received: dt.date, status: str) -> None:
    d = warranty(JH, unit("jetharness", purchase_date=purchase, proof_of_purchase=True, received_on=received))
    assert (d.status, d.rule) == (status, "W1")
    # rule W1: no repair out of warranty, replace the whole assembly
    assert d.repair_offered is (status == "covered")
    if status == "not_covered":
        assert "whole assembly" in d.explanation["en"] and "线束总成" in d.explanation["zh_CN"]


def test_jetharness_man_made_damage_offers_no_repair() -> None:
    facts = unit("jetharness", purchase_date=D(2025, 1, 1), proof_of_purchase=True, received_on=D(2025, 2, 1),
                 exclusions=frozenset({"drop", "water", "wear"}))
    d = warranty(JH, facts)
    assert d.status == "not_covered" and not d.repair_offered
    assert [x.code for x in d.exclusions] == ["drop", "water", "wear"]
    assert "water" in d.explanation["en"] and "进水" in d.explanation["zh_CN"]


@pytest.mark.parametrize(
    ("settings", "received", "status", "missing"),
    [
        ({}, D(2025, 6, 1), "cannot_tell", ("setting:jasminer.warranty_months",)),  # length open in 002
        ({"jasminer.warranty_months": "6"}, D(2025, 7, 1), "covered", ()),           # factory 2025-01-01 + 6 months
        ({"jasminer.warranty_months": "6"}, D(2025, 7, 2), "not_covered", ()),
    ],
)
def test_jasminer_w2(settings: dict, received: dt.date, status: str, missing: tuple) -> None:
    d = warranty(JA, unit("jasminer", factory_date=D(2025, 1, 1), received_on=received), settings)
    assert (d.status, d.missing, d.rule) == (status, missing, "W2")
    if status == "cannot_tell":
        assert "jasminer.warranty_months" in d.explanation["en"]
    if status == "not_covered":
        assert d.repair_offered and "quote" in d.explanation["en"]  # rule D1


@pytest.mark.parametrize("bad", ["0", "twelve", "-3", "1.5"])
def test_bad_length_setting_is_refused(bad: str) -> None:
    with pytest.raises(UserError, match="jasminer.warranty_months"):
        warranty(JA, unit("jasminer", factory_date=D(2025, 1, 1), received_on=D(2025, 2, 1)), {"jasminer.warranty_months": bad})


@pytest.mark.parametrize(
    ("received", "delay", "status", "start", "end"),
    [
        # rule W3: starts the day after delivery confirmation (delivered 2025-01-10)
        (D(2025, 1, 10), 0, "cannot_tell", D(2025, 1, 11), D(2026, 1, 11)),  # before the warranty starts
        (D(2025, 1, 11), 0, "covered", D(2025, 1, 11), D(2026, 1, 11)),
        (D(2026, 1, 11), 0, "covered", D(2025, 1, 11), D(2026, 1, 11)),
        (D(2026, 1, 12), 0, "not_covered", D(2025, 1, 11), D(2026, 1, 11)),
        (D(2026, 1, 12), 5, "covered", D(2025, 1, 11), D(2026, 1, 16)),  # carrier-proven delay extends
    ],
)
def test_jomplair_w3(received: dt.date, delay: int, status: str, start: dt.date, end: dt.date) -> None:
    facts = unit("jomplair", delivered_date=D(2025, 1, 10), received_on=received, carrier_delay_days=delay)
    d = warranty(JO, facts, MONTHS)
    assert (d.status, d.start, d.end) == (status, start, end)


@pytest.mark.parametrize(
    ("kw", "rule", "code"),
    [
        (dict(has_order_number=False), "I5", "no_order_number"),
        (dict(serial_matches_product=False), "I5", "serial_mismatch"),
        (dict(exclusions=frozenset({"logistics_damage"})), "I4", "logistics_damage"),
    ],
)
def test_i4_i5_apply_to_every_policy(any_policy, kw: dict, rule: str, code: str) -> None:  # type: ignore[no-untyped-def]
    facts = unit(any_policy.code, purchase_date=D(2025, 1, 1), proof_of_purchase=True, factory_date=D(2025, 1, 1),
                 delivered_date=D(2025, 1, 2), received_on=D(2025, 2, 1), **kw)
    d = warranty(any_policy, facts, MONTHS)
    assert d.status == "not_covered" and d.rule == rule and [x.code for x in d.exclusions] == [code]


@pytest.mark.parametrize(
    ("code", "covered_policies"),
    [
        ("water", {"jomplair", "jasminer"}),
        ("torn_label", {"jomplair", "jasminer", "jetharness"}),
        ("counterfeit", {"jomplair", "changkong", "jetharness"}),
        ("wear", {"jomplair", "changkong", "jasminer"}),
    ],
)
def test_exclusions_per_policy(any_policy, code: str, covered_policies: set) -> None:  # type: ignore[no-untyped-def]
    facts = unit(any_policy.code, purchase_date=D(2025, 1, 1), proof_of_purchase=True, factory_date=D(2025, 1, 1),
                 delivered_date=D(2025, 1, 2), received_on=D(2025, 2, 1), exclusions=frozenset({code}))
    d = warranty(any_policy, facts, MONTHS)
    if any_policy.code in covered_policies:
        assert d.status == "covered" and d.ignored_findings == (code,)
    else:
        assert d.status == "not_covered" and d.exclusions[0].code == code


def test_decision_to_dict_is_json_ready() -> None:
    import json

    d = warranty(CK, unit("changkong", purchase_date=D(2025, 1, 1), proof_of_purchase=True, received_on=D(2025, 2, 1)))
    data = json.loads(json.dumps(d.to_dict()))
    assert data["status"] == "covered" and data["end"] == "2025-06-30" and set(data["explanation"]) == {"en", "zh_CN", "zh_TW"}


def test_explanations_name_dates_and_rule_in_both_languages() -> None:
    d = warranty(CK, unit("changkong", purchase_date=D(2025, 1, 1), proof_of_purchase=True, received_on=D(2025, 7, 1)))
    assert "2025-01-01" in d.explanation["en"] and "2025-06-30" in d.explanation["en"] and "W4" in d.explanation["en"]
    assert "2025年6月30日" in d.explanation["zh_CN"] and "W4" in d.explanation["zh_CN"]


@pytest.mark.parametrize(
    ("day", "months", "result"),
    [(D(2025, 1, 31), 1, D(2025, 2, 28)), (D(2024, 12, 15), 2, D(2025, 2, 15)), (D(2025, 3, 31), -1, D(2025, 2, 28)),
     (D(2025, 1, 15), -12, D(2024, 1, 15))],
)
def test_add_months(day: dt.date, months: int, result: dt.date) -> None:
    assert add_months(day, months) == result
