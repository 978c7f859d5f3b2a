"""Due dates follow what they depend on: a re-import (priority, order number), a supervisor's
warranty override (W5) and the customer's payment (S1 out of warranty)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from core import center
from core.errors import NotAllowed, UserError
from core.models import AuditEntry, Unit, WorkOrder
from core.policies.deadlines import calendar_for, service_level_due
from core.services import payments, policies, repair, work_orders
from core.unit_of_work import Actor, Database
from tests.conftest import SAMPLES
from tests.core.test_due_dates import (  # noqa: F401
    BOSS,
    CLERK,
    dues,
    end_of_day,
    receive,
    s1_due,
    shop,
)
from tests.core.test_repair import MINER_TESTS, TECH, diagnosed, received
from tests.core.test_work_order_import import HEADER, row

INTAKE = Actor(username="ivy", station="bench-1", roles=frozenset({"intake"}))
RECEIVED_ON = dt.date(2026, 6, 1)  # tests.core.test_repair.received: Monday 2026-06-01


def switch_file(priority: str) -> bytes:
    """One Jomplair switch with its diagnosis report (I6), at `priority` (D3)."""
    header = HEADER.replace("\n", ",diagnosis_report\n")
    line = row(serial="JP-1", model="JP-S5850-48T", priority=priority).replace("\n", ",yes\n")
    return (header + line).encode()


def test_reimport_with_a_new_priority_moves_the_service_level_due_time(shop: Database) -> None:  # noqa: F811
    with shop.uow() as uow:
        work_orders.import_work_orders(uow, switch_file("P3"), "wo.csv")
    receive(shop, "WO-1", "JP-1")
    with shop.uow() as uow:
        submitted = uow.session.scalar(select(WorkOrder.submitted_at))
        jomplair = policies.policy_for(uow, "jomplair")
        settings = policies.policy_settings(uow)
    p3 = service_level_due(jomplair, "P3", submitted, settings).due
    assert dues(shop)["JP-1"] == (p3, "D3")
    with shop.uow() as uow:
        report = work_orders.import_work_orders(uow, switch_file("P1"), "again.csv")
    assert report.updated["WO-1"] == ["priority P3 -> P1"]
    p1 = service_level_due(jomplair, "P1", submitted, settings).due
    assert p1 < p3
    # The new promise is stored with the import, not at the unit's next state change.
    assert dues(shop)["JP-1"] == (p1, "D3")


def test_a_refused_reimport_leaves_the_due_dates(shop: Database) -> None:  # noqa: F811
    with shop.uow() as uow:
        work_orders.import_work_orders(uow, switch_file("P3"), "wo.csv")
    receive(shop, "WO-1", "JP-1")
    before = dues(shop)
    bad = switch_file("P1") + row(serial="JP-2", model="NO-SUCH-MODEL").replace(
        "\n", ",yes\n").encode()
    with shop.uow() as uow:
        with pytest.raises(UserError, match="NO-SUCH-MODEL"):
            work_orders.import_work_orders(uow, bad, "bad.csv")
    assert dues(shop) == before


def _not_covered_miner(database: Database) -> int:
    with database.uow() as uow:
        center.store(uow, "jasminer.warranty_months", "120")
        uow.commit()
    uid, outcome = diagnosed(database, "user_damage", MINER_TESTS, model="JM-X16-Q")
    assert outcome.decision == "not_covered"
    return uid


def test_a_supervisor_override_moves_the_return_by_date(catalogue: Database) -> None:
    uid = _not_covered_miner(catalogue)
    assert dues(catalogue)["S1"] == (None, None)  # out of warranty: S1 waits for the payment
    with catalogue.uow(BOSS) as uow:
        repair.override_decision(uow, uid, "covered", "seal intact on second look")
    # W5: covered after all, so S1 counts 5 working days from the receipt.
    assert dues(catalogue)["S1"] == (s1_due(catalogue, RECEIVED_ON), "S1")
    with catalogue.uow(BOSS) as uow:
        repair.override_decision(uow, uid, "not_covered", "water marks under the heatsink")
    assert dues(catalogue)["S1"] == (None, None)
    with catalogue.uow(TECH) as uow:  # a technician cannot, and nothing moves
        with pytest.raises(NotAllowed):
            repair.override_decision(uow, uid, "covered", "customer insists")
    assert dues(catalogue)["S1"] == (None, None)


def _paid_at(database: Database, uid: int) -> dt.datetime | None:
    with database.uow() as uow:
        return uow.session.get(Unit, uid).paid_at


def test_payment_starts_the_return_by_clock_out_of_warranty(catalogue: Database) -> None:
    uid = _not_covered_miner(catalogue)
    paid_on = dt.date(2026, 6, 5)  # a Friday: the 5 working days run into the next week
    with catalogue.uow(CLERK) as uow:
        done = payments.record_payment(uow, uid, "1,250.50", paid_on, "bank_transfer",
                                       reference="TX-778")
    assert (done.amount, done.currency, done.paid_on) == (Decimal("1250.50"), "CNY", paid_on)
    with catalogue.uow() as uow:
        cal = calendar_for(policies.policy_for(uow, "jasminer"), policies.policy_settings(uow))
        tz = center.load(uow).timezone
        entry = uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "unit.payment")).one()
        assert entry.username == CLERK.username
        assert (entry.after["amount"], entry.after["reference"]) == ("1250.50", "TX-778")
    assert _paid_at(catalogue, uid).astimezone(tz).date() == paid_on
    assert dues(catalogue)["S1"] == (end_of_day(cal.add_working_days(paid_on, 5)), "S1")


@pytest.mark.parametrize(("actor", "amount", "day", "channel", "message"), [
    (CLERK, "-5", dt.date(2026, 6, 5), "cash", "more than zero"),
    (CLERK, "0", dt.date(2026, 6, 5), "cash", "more than zero"),
    (CLERK, "abc", dt.date(2026, 6, 5), "cash", "not a number"),
    (CLERK, "12.345", dt.date(2026, 6, 5), "cash", "two decimals"),
    (CLERK, "99999999", dt.date(2026, 6, 5), "cash", "check the amount"),
    (CLERK, "10", dt.date(2026, 6, 5), "barter", "Unknown payment channel"),
    (CLERK, "10", dt.date.today() + dt.timedelta(days=3), "cash", "in the future"),
    (CLERK, "10", dt.date(2026, 5, 1), "cash", "before work order"),
    (TECH, "10", dt.date(2026, 6, 5), "cash", "shipping clerk"),
    (INTAKE, "10", dt.date(2026, 6, 5), "cash", "shipping clerk"),
])
def test_a_bad_payment_is_refused_and_stores_nothing(catalogue: Database, actor: Actor,
                                                     amount: str, day: dt.date, channel: str,
                                                     message: str) -> None:
    uid = received(catalogue, model="JM-X16-Q")
    with catalogue.uow(actor) as uow:
        with pytest.raises(UserError, match=message):
            payments.record_payment(uow, uid, amount, day, channel)
    assert _paid_at(catalogue, uid) is None


def test_a_payment_is_recorded_once(catalogue: Database) -> None:
    uid = received(catalogue, model="JM-X16-Q")
    with catalogue.uow(BOSS) as uow:  # a supervisor may record it too
        payments.record_payment(uow, uid, "80", dt.date(2026, 6, 2), "cash")
    first = _paid_at(catalogue, uid)
    with catalogue.uow(CLERK) as uow:
        with pytest.raises(UserError, match="already recorded as paid on 2026-06-02"):
            payments.record_payment(uow, uid, "80", dt.date(2026, 6, 3), "cash")
    assert _paid_at(catalogue, uid) == first


def test_a_refused_payment_reads_in_chinese(catalogue: Database) -> None:
    uid = received(catalogue, model="JM-X16-Q")
    with catalogue.uow(CLERK) as uow:
        payments.record_payment(uow, uid, "80", dt.date(2026, 6, 2), "cash")
    with catalogue.uow(CLERK) as uow, pytest.raises(UserError) as refused:
        payments.record_payment(uow, uid, "80", dt.date(2026, 6, 3), "cash")
    assert refused.value.in_language("zh_CN") == (
        "S1 已于 2026-06-02 记录为已付款；主管可在审计日志中查看该笔付款。")
    assert refused.value.in_language("zh_TW") == (
        "S1 已於 2026-06-02 記錄為已付款；主管可在稽核日誌中查看這筆付款。")
    with pytest.raises(UserError) as refused:
        payments.parse_day("5/6/2026")
    assert refused.value.in_language("zh_TW") == (
        "5/6/2026 不是日期：請依 YYYY-MM-DD 格式填寫客戶付款的日期，例如 2026-06-05。")
    with pytest.raises(UserError) as refused:
        payments.parse_day("  ")
    assert str(refused.value).startswith("An empty day is not a date")
    assert refused.value.in_language("zh_CN").startswith("日期为空：")


def test_the_unit_to_pay_is_found_by_work_order_and_serial(catalogue: Database) -> None:
    uid = received(catalogue, model="JM-X16-Q")
    with catalogue.uow() as uow:
        assert payments.unit_to_pay(uow, "WO-1", None) == uid
        assert payments.unit_to_pay(uow, "WO-1", "S1") == uid
        with pytest.raises(UserError, match="no unit with serial 'NOPE'"):
            payments.unit_to_pay(uow, "WO-1", "NOPE")
        with pytest.raises(UserError, match="no work order"):
            payments.unit_to_pay(uow, "WO-404", None)
    assert payments.parse_day(" 2026-06-05 ") == dt.date(2026, 6, 5)
    with pytest.raises(UserError, match="YYYY-MM-DD"):
        payments.parse_day("5/6/2026")


def test_explanations_are_left_unworded_only_inside_a_refresh() -> None:
    from core.policies.explain import Message, render, without_wording

    msg = [Message("repair_by.due", {"due": dt.date(2026, 6, 10), "days": 3,
                                     "start": dt.date(2026, 6, 5), "rule": "D2"})]
    with without_wording():
        assert render(msg) == {"en": "", "zh_CN": "", "zh_TW": ""}
    worded = render(msg)
    assert "2026-06-10" in worded["en"] and worded["zh_CN"] and worded["zh_TW"]


def test_a_catalogue_that_moves_a_model_to_another_policy_moves_its_due_dates(
        catalogue: Database) -> None:
    uid = _not_covered_miner(catalogue)  # Jasminer, out of warranty: S1 waits for payment
    assert dues(catalogue)["S1"] == (None, None)
    with catalogue.uow() as uow:
        products = (SAMPLES / "products.csv").read_text(encoding="utf-8")
        moved = products.replace("JM-X16-Q,Jasminer X16-Q ETC miner,Jasminer,jasminer",
                                 "JM-X16-Q,Jasminer X16-Q ETC miner,Jasminer,changkong")
        assert moved != products
        assert work_orders.import_products(uow, moved.encode(), "p.csv") == (0, 1)
    # Changkong's repair-by clock has not started and it has no S1: still nothing due; back
    # under Jasminer, a supervisor's "covered" gives S1 from the receipt at once.
    with catalogue.uow(BOSS) as uow:
        repair.override_decision(uow, uid, "covered", "receipt found")
    assert dues(catalogue)["S1"] == (None, None)
    with catalogue.uow() as uow:
        work_orders.import_products(uow, products.encode(), "p.csv")
    assert dues(catalogue)["S1"] == (s1_due(catalogue, RECEIVED_ON), "S1")
