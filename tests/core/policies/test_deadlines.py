"""Deadlines, fees and thresholds (R1-R3, D2-D5, S1, S2) on both sides of each boundary."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from core.errors import UserError
from core.policies import load_preset
from core.policies.deadlines import (
    WorkOrderEvents,
    all_deadlines,
    days_late,
    deadline_state,
    faulty_part_due,
    freight_payer,
    overdue_fee,
    repair_by,
    repeat_request_check,
    replacement_ship_by,
    return_by,
    return_eligibility,
    send_back_by,
    service_credit,
    service_level_due,
    spec_mismatch_window,
)
from tests.core.policies.conftest import CST, D, unit

CK, JH, JA, JO = (load_preset(c) for c in ("changkong", "jetharness", "jasminer", "jomplair"))


def at(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=CST)


# --- R1 Changkong returns ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("requested", "reason", "kw", "eligible", "refusals"),
    [
        (D(2025, 3, 8), "complete_unused", {}, True, ()),              # day 7 after delivery: last day
        (D(2025, 3, 9), "complete_unused", {}, False, ("too_late",)),  # day 8
        (D(2025, 3, 8), "performance_fault", {}, True, ()),
        (D(2025, 3, 2), "complete_unused", {"proof_of_purchase": False}, False, ("needs_proof",)),
        (D(2025, 3, 2), "performance_fault", {"exclusions": frozenset({"misuse"})}, False, ("damage",)),
        (D(2025, 3, 2), "new_product_faulty", {}, False, ("reason",)),
        (None, "complete_unused", {}, None, ()),                      # request date missing
    ],
)
def test_changkong_r1(requested, reason, kw, eligible, refusals) -> None:  # type: ignore[no-untyped-def]
    facts = unit("changkong", delivered_date=D(2025, 3, 1), requested_on=requested, **{"proof_of_purchase": True, **kw})
    d = return_eligibility(CK, facts, reason)
    assert (d.eligible, d.refusals, d.rule, d.window_end) == (eligible, refusals, "R1", D(2025, 3, 8))
    assert d.explanation["en"] and d.explanation["zh_CN"]
    if eligible is None:
        assert d.missing == ("requested_on",)


def test_changkong_send_back_within_7_days_of_confirmation() -> None:
    assert send_back_by(CK, D(2025, 9, 26)).due == D(2025, 10, 3)  # calendar days, holidays included
    with pytest.raises(UserError, match="no send-back window"):
        send_back_by(JH, D(2025, 9, 26))


# --- R2 JetHarness ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("requested", "reason", "customised", "eligible", "refusals"),
    [
        (D(2025, 3, 8), "new_product_faulty", False, True, ()),
        (D(2025, 3, 9), "new_product_faulty", False, False, ("too_late",)),
        (D(2025, 3, 8), "new_product_faulty", True, True, ()),  # JetHarness's fault: replaced even if customised
        (D(2025, 3, 2), "complete_unused", True, False, ("customised", "reason")),
    ],
)
def test_jetharness_r2(requested, reason, customised, eligible, refusals) -> None:  # type: ignore[no-untyped-def]
    ex = frozenset({"customised"}) if customised else frozenset()
    d = return_eligibility(JH, unit("jetharness", delivered_date=D(2025, 3, 1), requested_on=requested, exclusions=ex), reason)
    assert (d.eligible, d.refusals, d.kind) == (eligible, refusals, "replacement")
    if "customised" in refusals:
        assert "Customised" in d.explanation["en"] and "定制" in d.explanation["zh_CN"]


def test_jetharness_spec_mismatch_7_to_14_working_days() -> None:
    d = spec_mismatch_window(JH, D(2025, 9, 26))  # Friday before National Day
    # working days: 9-28(make-up) 9-29 9-30 10-9 10-10 10-11(make-up) 10-13 = 7th ... 10-22 = 14th
    assert (d.earliest, d.due, d.rule) == (D(2025, 10, 13), D(2025, 10, 22), "R2")


def test_policy_without_terms_is_reported() -> None:
    with pytest.raises(UserError, match="jasminer has no return or replacement"):
        return_eligibility(JA, unit("jasminer"), "complete_unused")
    with pytest.raises(UserError, match="changkong has no advance-replacement") as err:
        replacement_ship_by(CK, D(2025, 1, 1))
    assert err.value.in_language("zh_CN") == "政策 changkong 没有先行换货条款"
    assert err.value.in_language("zh_TW") == "政策 changkong 沒有先行換貨條款"


# --- S1 Jasminer return-by, D2 Changkong repair-by -----------------------------------------------


@pytest.mark.parametrize(
    ("received", "in_warranty", "paid", "due"),
    [
        (D(2025, 9, 26), True, None, D(2025, 10, 10)),   # Friday before National Day; make-up Sunday counts
        (D(2025, 9, 25), True, None, D(2025, 10, 9)),
        (D(2025, 10, 9), True, None, D(2025, 10, 15)),   # make-up Saturday 10-11 counts
        (D(2025, 9, 1), False, D(2025, 9, 26), D(2025, 10, 10)),  # out of warranty: from payment
        (D(2025, 9, 1), False, None, None),
    ],
)
def test_jasminer_s1(received, in_warranty, paid, due) -> None:  # type: ignore[no-untyped-def]
    d = return_by(JA, received_on=received, in_warranty=in_warranty, paid_on=paid)
    assert (d.due, d.rule) == (due, "S1")
    assert d.problem == (None if due else "pending")


@pytest.mark.parametrize(
    ("agreed", "due"),
    [(D(2025, 9, 26), D(2025, 9, 30)), (D(2025, 9, 30), D(2025, 10, 11)),  # make-up Saturday
     (D(2025, 6, 4), D(2025, 6, 9))],
)
def test_changkong_d2(agreed: dt.date, due: dt.date) -> None:
    d = repair_by(CK, agreed)
    assert (d.due, d.rule) == (due, "D2") and "D2" in d.explanation["zh_CN"]


# --- R3 Jomplair advance replacement ------------------------------------------------------------


def test_r3_ship_by_two_business_days() -> None:
    assert replacement_ship_by(JO, D(2025, 9, 26)).due == D(2025, 9, 29)
    assert replacement_ship_by(JO, D(2025, 9, 30)).due == D(2025, 10, 10)


def test_r3_faulty_part_due_2359_utc8() -> None:
    d = faulty_part_due(JO, D(2025, 3, 1))
    assert d.due == at(2025, 3, 16, 23, 59)
    assert "UTC+8" in d.explanation["en"]


@pytest.mark.parametrize(
    ("pickup", "on_time", "day", "fee"),
    [
        (at(2025, 3, 16, 23, 59), True, 15, "0.00"),
        (at(2025, 3, 16, 23, 59, 59), True, 15, "0.00"),
        (at(2025, 3, 17, 0, 0), False, 16, "50.00"),
        (dt.datetime(2025, 3, 16, 15, 59, tzinfo=dt.UTC), True, 15, "0.00"),   # = 23:59 UTC+8
        (dt.datetime(2025, 3, 16, 16, 0, tzinfo=dt.UTC), False, 16, "50.00"),  # = 00:00 UTC+8 next day
        (at(2025, 3, 31, 23, 59), False, 30, "50.00"),
        (at(2025, 4, 1, 0, 0), False, 31, "80.00"),
    ],
)
def test_r3_overdue_fee_tiers(pickup: dt.datetime, on_time: bool, day: int, fee: str) -> None:
    r = overdue_fee(JO, D(2025, 3, 1), pickup, Decimal("100.00"))
    assert (r.on_time, r.day, r.fee) == (on_time, day, Decimal(fee))
    assert r.explanation["en"] and r.explanation["zh_CN"]


def test_r3_fee_rounds_half_up_to_cents() -> None:
    assert overdue_fee(JO, D(2025, 3, 1), at(2025, 3, 20, 10, 0), Decimal("0.01")).fee == Decimal("0.01")  # 0.005
    assert overdue_fee(JO, D(2025, 3, 1), at(2025, 4, 20, 10, 0), Decimal("99.99")).fee == Decimal("79.99")  # 79.992


# --- D3 service levels --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "requested", "due"),
    [
        ("P1", at(2025, 6, 3, 10, 0), at(2025, 6, 3, 14, 0)),
        ("P1", at(2025, 6, 3, 17, 0), at(2025, 6, 4, 12, 0)),
        ("P2", at(2025, 6, 6, 12, 0), at(2025, 6, 9, 11, 0)),   # Friday -> Monday
        ("P3", at(2025, 9, 26, 9, 0), at(2025, 9, 29, 15, 0)),  # Fri 9h + make-up Sun 9h + Mon 6h
        ("P1", at(2025, 9, 30, 23, 59), at(2025, 10, 9, 13, 0)),  # holiday: clock starts 10-09 09:00
    ],
)
def test_d3_service_levels_in_support_hours(level: str, requested: dt.datetime, due: dt.datetime) -> None:
    d = service_level_due(JO, level, requested)
    assert (d.due, d.rule) == (due, "D3")
    assert level in d.explanation["en"] and "故障描述" in service_level_due(JO, "P3", requested).explanation["zh_CN"]


def test_d3_unknown_level() -> None:
    with pytest.raises(UserError, match="P9"):
        service_level_due(JO, "P9", at(2025, 6, 3, 10, 0))


# --- D5 service credit --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "days", "amount", "capped"),
    [
        ("10000.00", 0, "0.00", False),
        ("10000.00", 1, "10.00", False),
        ("10000.00", 50, "500.00", False),   # exactly at the 5% cap
        ("10000.00", 51, "500.00", True),
        ("12345.67", 3, "37.04", False),     # 37.03701 -> 37.04
        ("1005.00", 1, "1.01", False),       # 1.005 -> 1.01 half up (not banker's 1.00)
    ],
)
def test_d5_service_credit(value: str, days: int, amount: str, capped: bool) -> None:
    c = service_credit(JO, Decimal(value), days)
    assert (c.amount, c.capped, c.rule) == (Decimal(amount), capped, "D5")


@pytest.mark.parametrize(
    ("done", "late"),
    [(at(2025, 6, 3, 14, 0), 0), (at(2025, 6, 3, 14, 1), 1), (at(2025, 6, 4, 14, 0), 1), (at(2025, 6, 4, 14, 1), 2)],
)
def test_days_late(done: dt.datetime, late: int) -> None:
    assert days_late(at(2025, 6, 3, 14, 0), done) == late


def test_d5_refuses_negative_values() -> None:
    with pytest.raises(ValueError):
        service_credit(JO, Decimal("-1"), 1)


# --- D4 repeat requests -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("earlier", "requested", "purchased", "required", "count"),
    [
        ([D(2024, 6, 1), D(2024, 12, 1)], 1, 10, False, 3),                 # 3 in a year: allowed
        ([D(2024, 6, 1), D(2024, 12, 1), D(2025, 3, 1)], 1, 10, True, 4),   # 4th: report needed
        ([D(2024, 5, 1), D(2024, 12, 1), D(2025, 3, 1)], 1, 10, False, 3),  # a year ago exactly drops out
        ([], 15, 10, False, 1),                                             # exactly 150%
        ([], 16, 10, True, 1),                                              # over 150%
    ],
)
def test_d4_repeat_requests(earlier, requested, purchased, required, count) -> None:  # type: ignore[no-untyped-def]
    r = repeat_request_check(JO, on=D(2025, 5, 1), earlier_requests=earlier, requested_units=requested,
                             purchased_units=purchased)
    assert (r.report_required, r.requests_in_year, r.rule) == (required, count, "D4")


# --- S2 freight ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("policy", "defect", "upgrade", "payer", "both_ways", "rule"),
    [
        (CK, True, False, "vendor", False, "S2"),
        (CK, False, False, "customer", False, "S2"),
        (CK, True, True, "customer", True, "S2"),
        (JA, False, False, "split", False, "S1"),
        (JO, True, False, "customer", False, "R3"),
    ],
)
def test_freight_payer(policy, defect, upgrade, payer, both_ways, rule) -> None:  # type: ignore[no-untyped-def]
    f = freight_payer(policy, product_defect=defect, software_upgrade_on_request=upgrade)
    assert (f.payer, f.both_ways, f.rule) == (payer, both_ways, rule)


def test_jasminer_freight_is_cash_on_delivery_with_named_carriers() -> None:
    f = freight_payer(JA, product_defect=True)
    assert f.cash_on_delivery and f.carriers == ("SF Express", "Deppon", "KYE")


# --- all_deadlines ------------------------------------------------------------------------------


def test_all_deadlines_jomplair_sorted_with_unknown_year_last() -> None:
    events = WorkOrderEvents(
        replacement_approved_on=D(2025, 9, 26),
        replacement_delivered_on=D(2025, 9, 30),
        service_requests=(("P1", at(2027, 1, 4, 10, 0)), ("P3", at(2025, 9, 30, 17, 0))),
    )
    items = all_deadlines(JO, [], events)
    assert [(d.kind, d.due) for d in items] == [
        ("replacement_ship_by", D(2025, 9, 29)),
        ("service_level", at(2025, 10, 11, 14, 0)),
        ("faulty_part_due", at(2025, 10, 15, 23, 59)),
        ("service_level", None),
    ]
    assert items[-1].problem == "calendar_unknown" and "2027" in items[-1].explanation["en"]


def test_all_deadlines_per_unit_warranty_decides_s1() -> None:
    settings = {"jasminer.warranty_months": "12"}
    covered = unit("jasminer", serial="A", factory_date=D(2025, 1, 1), received_on=D(2025, 9, 26))
    expired = unit("jasminer", serial="B", factory_date=D(2020, 1, 1), received_on=D(2025, 9, 26))
    unknown = unit("jasminer", serial="C", received_on=D(2025, 9, 26))
    items = all_deadlines(JA, [covered, expired, unknown], WorkOrderEvents(paid_on=D(2025, 9, 30)), settings)
    got = {(d.serial, d.due, d.problem) for d in items}
    assert got == {("A", D(2025, 10, 10), None), ("B", D(2025, 10, 14), None), ("C", None, "pending")}


def test_all_deadlines_changkong() -> None:
    u = unit("changkong", delivered_date=D(2025, 3, 1), requested_on=D(2025, 3, 5), proof_of_purchase=True)
    events = WorkOrderEvents(return_reason="complete_unused", return_confirmed_on=D(2025, 3, 5), agreed_on=D(2025, 3, 7))
    items = all_deadlines(CK, [u], events)
    assert [(d.kind, d.due, d.rule) for d in items] == [
        ("return_window", D(2025, 3, 8), "R1"),
        ("send_back", D(2025, 3, 12), "R1"),  # same day: stable order
        ("repair_by", D(2025, 3, 12), "D2"),
    ]


@pytest.mark.parametrize(
    ("today", "state"),
    [(D(2025, 3, 11), "upcoming"), (D(2025, 3, 12), "due_today"), (D(2025, 3, 13), "overdue")],
)
def test_deadline_state(today: dt.date, state: str) -> None:
    assert deadline_state(repair_by(CK, D(2025, 3, 7)), today) == state
