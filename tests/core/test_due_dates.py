"""Stored due dates: set at receipt, moved by the customer's acceptance, cleared when the unit
leaves, and the due-today/overdue queue read from them, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import insert, select

from core import center, db
from core.models import Customer, Product, Unit, UnitStatus, WorkOrder, WorkOrderStatus
from core.policies.deadlines import calendar_for
from core.services import (
    demo,
    due_dates,
    intake,
    policies,
    repair,
    repair_queues,
    repair_quotes,
    shipping,
)
from core.services import warranty_decisions as wd
from core.services import work_orders
from core.unit_of_work import Actor, Database, UnitOfWork
from tests.conftest import SAMPLES
from tests.core.test_repair import MINER_TESTS, TECH, diagnosed, received, status
from tests.core.test_work_order_import import HEADER, row

SHANGHAI = ZoneInfo("Asia/Shanghai")
UTC = dt.UTC
BENCH = Actor(username="ann", station="bench-1", roles=frozenset({"intake"}))
CLERK = Actor(username="sam", station="ship-1", roles=frozenset({"shipping"}))
BOSS = Actor(username="sue", station="office", roles=frozenset({"supervisor"}))
ADMIN = Actor(username="ada", station="office", roles=frozenset({"administrator"}))
# Deadlines near the year's end run into a year whose holidays are not announced yet.
NEXT_YEAR = str(dt.date.today().year + 1)


@pytest.fixture
def shop(any_url: str) -> Iterator[Database]:
    database = Database(db.make_engine(any_url))
    with database.uow() as uow:
        work_orders.import_products(uow, (SAMPLES / "products.csv").read_bytes(), "products.csv")
        center.store(uow, "calendar.accept_unannounced_years", NEXT_YEAR)
        uow.commit()
    yield database
    database.engine.dispose()


def end_of_day(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(23, 59), tzinfo=SHANGHAI)


def dues(database: Database) -> dict[str, tuple[dt.datetime | None, str | None]]:
    with database.uow() as uow:
        return {s: (d, r) for s, d, r in uow.session.execute(
            select(Unit.serial, Unit.due_at, Unit.due_rule))}


def set_setting(database: Database, key: str, value: str) -> None:
    with database.uow(BOSS) as uow:
        center.save(uow, {key: value})


def receive(database: Database, number: str, *serials: str) -> None:
    opened = None
    for raw in (number, *serials):
        with database.uow(BENCH) as uow:
            out = intake.scan(uow, raw, opened.intake_id if opened else None)
        assert out.verdict in ("info", "accepted"), out.message
        opened = opened or out


def s1_due(database: Database, received: dt.date) -> dt.datetime:
    with database.uow() as uow:
        settings = policies.policy_settings(uow)
        cal = calendar_for(policies.policy_for(uow, "jasminer"), settings)
    return end_of_day(cal.add_working_days(received, 5))


def test_receipt_sets_the_jasminer_return_by_date_and_shipping_clears_it(shop: Database) -> None:
    set_setting(shop, "jasminer.warranty_months", "120")
    with shop.uow() as uow:
        work_orders.import_work_orders(uow, (HEADER + row(serial="JM-1") + row(serial="JM-2"))
                                       .encode(), "wo.csv")
    assert dues(shop) == {"JM-1": (None, None), "JM-2": (None, None)}
    receive(shop, "WO-1", "JM-1")
    today = dt.datetime.now(SHANGHAI).date()
    # rule S1: in warranty, back within 5 working days of receipt; the other unit is not here.
    assert dues(shop) == {"JM-1": (s1_due(shop, today), "S1"), "JM-2": (None, None)}
    with shop.uow() as uow:
        uid = uow.session.scalar(select(Unit.id).where(Unit.serial == "JM-1"))
    for step in (repair.start_diagnosis, repair.start_repair, repair.finish_repair,
                 repair.finish_testing):
        if step is repair.start_repair:
            with shop.uow(TECH) as uow:
                for name, value in (("Hashboard 1 chips detected", "126"),
                                    ("Hashboard 2 chips detected", "126"),
                                    ("Hashboard 3 chips detected", "126"), ("Fan test", "ok"),
                                    ("PSU output voltage", "12.1")):
                    repair.record_finding(uow, uid, name, value)
            with shop.uow(TECH) as uow:
                assert repair.record_diagnosis(uow, uid, "product_defect").decision == "covered"
        with shop.uow(TECH) as uow:
            step(uow, uid)
    assert dues(shop)["JM-1"] == (s1_due(shop, today), "S1")  # still to go back
    with shop.uow(CLERK) as uow:
        (parcel,) = shipping.create_shipments(uow, "WO-1", [uid], "SF Express")
    with shop.uow(CLERK) as uow:
        shipping.assign_tracking(uow, parcel.shipment_id, "SF1234567890123")
    with shop.uow(CLERK) as uow:
        shipping.ship(uow, parcel.shipment_id)
    assert dues(shop)["JM-1"] == (None, None)


def test_an_undecided_warranty_sets_no_due_date_until_the_setting_is_saved(shop: Database) -> None:
    with shop.uow() as uow:
        work_orders.import_work_orders(uow, (HEADER + row(serial="JM-1")).encode(), "wo.csv")
    receive(shop, "WO-1", "JM-1")
    # Jasminer's warranty length is open: the return-by date is pending, not guessed.
    assert dues(shop)["JM-1"] == (None, None)
    set_setting(shop, "jasminer.warranty_months", "120")
    assert dues(shop)["JM-1"] == (s1_due(shop, dt.datetime.now(SHANGHAI).date()), "S1")
    # A policy change for another product leaves it; one for its model recomputes it.
    set_setting(shop, "jasminer.warranty_months", "1")  # expired: pending payment, undated
    assert dues(shop)["JM-1"] == (None, None)


def test_acceptance_starts_the_changkong_repair_by_date(shop: Database) -> None:
    # Purchased long ago: not covered, quoted; D2 runs 3 working days from the acceptance.
    uid, outcome = diagnosed(shop, purchase_date=dt.date(2025, 1, 10))
    assert outcome.next_step == "quote" and dues(shop)["S1"] == (None, None)
    with shop.uow(TECH) as uow:
        quote = repair_quotes.save_quote(uow, uid, [repair_quotes.line("labour", "Labour", 1, "80")])
    with shop.uow(TECH) as uow:
        repair_quotes.send_quote(uow, quote.id)
    with shop.uow(TECH) as uow:
        repair_quotes.record_customer_answer(uow, quote.id, "accepted", channel="phone",
                                             answered_at=dt.datetime(2026, 6, 5, 2, tzinfo=UTC))
    # Friday 2026-06-05 + 3 working days = Wednesday 06-10, the whole day in the center.
    assert dues(shop)["S1"] == (end_of_day(dt.date(2026, 6, 10)), "D2")
    with shop.uow(TECH) as uow:
        repair.start_repair(uow, uid)
    assert dues(shop)["S1"] == (end_of_day(dt.date(2026, 6, 10)), "D2")
    with shop.uow(TECH) as uow:
        repair.finish_repair(uow, uid)
    assert status(shop, uid) == UnitStatus.TESTING
    assert dues(shop)["S1"] == (None, None)  # repaired: the promise was kept


def _bulk_units(uow: UnitOfWork, spec: list[tuple[UnitStatus, dt.datetime | None]]) -> None:
    """One work order per entry with one unit in that state and due date (fast, no ORM)."""
    product = uow.session.scalar(select(Product.id).where(Product.model == "JM-X16-Q"))
    uow.session.execute(insert(Customer), [{"id": 1, "name": "Bulk", "name_folded": "bulk"}])
    uow.session.execute(insert(WorkOrder), [
        {"id": i, "number": f"WO-{i:05d}", "customer_id": 1, "status": WorkOrderStatus.IN_PROGRESS}
        for i in range(1, len(spec) + 1)])
    uow.session.execute(insert(Unit), [
        {"id": i, "work_order_id": i, "serial": f"SN-{i:05d}", "product_id": product,
         "status": state, "due_at": due, "due_rule": "S1" if due else None}
        for i, (state, due) in enumerate(spec, 1)])
    uow.commit()


def test_due_queue_lists_due_today_and_overdue_across_many_work_orders(shop: Database) -> None:
    now = dt.datetime.now(SHANGHAI)
    today = now.date()
    overdue = end_of_day(today - dt.timedelta(days=3))
    tonight = end_of_day(today)
    later = end_of_day(today + dt.timedelta(days=1))
    spec: list[tuple[UnitStatus, dt.datetime | None]] = []
    for i in range(700):  # more than the 500 work orders the queue used to look at
        spec.append((UnitStatus.IN_DIAGNOSIS, overdue - dt.timedelta(minutes=i)))
    spec += [(UnitStatus.IN_REPAIR, tonight)] * 40 + [(UnitStatus.RECEIVED, later)] * 30
    spec += [(UnitStatus.RECEIVED, None)] * 20 + [(UnitStatus.SHIPPED, None)] * 10
    with shop.uow() as uow:
        _bulk_units(uow, spec)
    with shop.uow() as uow:
        assert repair_queues.count(uow, "due") == 740
        rows = repair_queues.page(uow, "due", 0, 1000)
        middle = repair_queues.page(uow, "due", 695, 10)
    assert len(rows) == 740
    assert [r.due_at for r in rows] == sorted(r.due_at for r in rows)  # earliest first
    assert rows[0].serial == "SN-00700" and rows[0].due_state == repair_queues.OVERDUE
    states = [r.due_state for r in rows]
    assert states.count(repair_queues.OVERDUE) == 700
    assert states[700:] == [repair_queues.DUE_TODAY] * 40
    assert {r.due_rule for r in rows} == {"S1"}
    assert [r.id for r in middle] == [r.id for r in rows[695:705]]  # pages in SQL, in order
    with shop.uow() as uow:
        # Other queues carry the marks too: the upcoming unit has none.
        waiting = repair_queues.page(uow, "diagnosis", 0, 100)
    assert {r.due_state for r in waiting} == {None}


def test_refresh_all_recomputes_only_what_it_is_asked_to(shop: Database) -> None:
    with shop.uow() as uow:
        work_orders.import_work_orders(uow, (
            HEADER + row(wo="WO-1", serial="JM-1") + row(wo="WO-2", serial="JM-2", model="JM-X44-P")
        ).encode(), "wo.csv")
    receive(shop, "WO-1", "JM-1")
    receive(shop, "WO-2", "JM-2")
    with shop.uow() as uow:
        center.store(uow, "jasminer.warranty_months", "120")  # stored behind the services' back
        uow.commit()
    with shop.uow() as uow:
        assert due_dates.refresh_all_due(uow, product_ids=[uow.session.scalar(
            select(Product.id).where(Product.model == "JM-X44-P"))]) == 1
        uow.commit()
    got = dues(shop)
    assert got["JM-1"] == (None, None) and got["JM-2"][1] == "S1"
    with shop.uow(ADMIN) as uow:  # assigning the policy again refreshes that model's units
        policies.assign_policy(uow, "JM-X16-Q", "jasminer")
    assert dues(shop)["JM-1"] == got["JM-2"]
    with shop.uow() as uow:
        assert due_dates.refresh_all_due(uow, batch=1) == 2
        uow.commit()
    assert dues(shop) == {"JM-1": got["JM-2"], "JM-2": got["JM-2"]}


def test_demo_units_with_deadlines_get_their_due_date(database: Database) -> None:
    with database.uow() as uow:
        demo.build(uow, 300)
    with database.uow() as uow:
        stored = {u.id: (u.due_at, u.due_rule) for u in uow.session.scalars(
            select(Unit).where(Unit.due_at.is_not(None)))}
        assert stored, "the demo has units with deadlines (D3 service levels at least)"
        ctx = due_dates.DueContext.load(uow)
        checked = 0
        for wo in uow.session.scalars(select(WorkOrder).order_by(WorkOrder.id).limit(120)):
            items = wd.deadlines_for(uow, wo.number)
            order = wd.OrderRow.of(wo)
            for unit in order.units:
                expected = (due_dates.earliest_open(items, unit, order, ctx.tz)
                            if unit.status in intake.IN_CENTER else (None, None))
                assert stored.get(unit.id, (None, None)) == expected, unit.serial
                checked += expected[0] is not None
        assert checked


def test_a_diagnosis_that_voids_the_warranty_moves_the_return_by_date(catalogue: Database) -> None:
    with catalogue.uow() as uow:
        center.store(uow, "jasminer.warranty_months", "120")
        uow.commit()
    uid = received(catalogue, model="JM-X16-Q")  # received 2026-06-01 (a Monday)
    with catalogue.uow(TECH) as uow:
        repair.start_diagnosis(uow, uid)
    assert dues(catalogue)["S1"] == (s1_due(catalogue, dt.date(2026, 6, 1)), "S1")
    for name, value in MINER_TESTS:
        with catalogue.uow(TECH) as uow:
            repair.record_finding(uow, uid, name, value)
    with catalogue.uow(TECH) as uow:
        assert repair.record_diagnosis(uow, uid, "user_damage").decision == "not_covered"
    # Out of warranty, S1 counts from the payment: nothing is due until the customer pays.
    assert dues(catalogue)["S1"] == (None, None)


def test_due_dates_stored_at_each_receipt_are_those_a_full_refresh_computes(
        shop: Database) -> None:
    # A receipt computes its work order's due dates from the rows it read with the work order's
    # lock; the Due queue must show exactly what a recomputation of every unit would store.
    set_setting(shop, "jasminer.warranty_months", "120")
    header = HEADER.replace("\n", ",diagnosis_report\n")
    lines = [row(wo="WO-1", serial="JM-1"), row(wo="WO-1", serial="JM-2"),
             row(wo="WO-2", serial="JP-1", model="JP-S5850-48T", priority="P2"),
             row(wo="WO-2", serial="JM-3")]
    with shop.uow() as uow:
        work_orders.import_work_orders(
            uow, (header + "".join(line.replace("\n", ",yes\n") for line in lines)).encode(),
            "wo.csv")

    def full_refresh() -> dict[str, tuple[dt.datetime | None, str | None]]:
        with shop.uow() as uow:  # rolled back: only compared
            due_dates.refresh_all_due(uow)
            return {s: (d, r) for s, d, r in uow.session.execute(
                select(Unit.serial, Unit.due_at, Unit.due_rule))}

    assert dues(shop) == full_refresh()
    for number, serial in (("WO-1", "JM-1"), ("WO-2", "JP-1"), ("WO-2", "JM-3"),
                           ("WO-1", "JM-2")):
        receive(shop, number, serial)
        assert dues(shop) == full_refresh(), serial
    assert all(due is not None for due, _rule in dues(shop).values())  # each unit has one
