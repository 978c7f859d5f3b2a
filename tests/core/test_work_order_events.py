"""R1-R3 dates recorded on a work order: validated, permission-checked, audited, and read by the
deadlines and the stored due dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from core import center, db
from core.errors import NotAllowed, UserError
from core.models import AuditEntry, Unit, UnitStatus, WorkOrder
from core.services import warranty_decisions as wd
from core.services import work_order_events as events
from core.services import work_orders
from core.unit_of_work import Actor, Database
from tests.conftest import SAMPLES
from tests.core.test_warranty_decisions import make_work_order

SHANGHAI = ZoneInfo("Asia/Shanghai")
TECH = Actor(username="li", station="bench-2", roles=frozenset({"repair"}))
BOSS = Actor(username="sue", station="office", roles=frozenset({"supervisor"}))
INTAKE = Actor(username="ann", station="bench-1", roles=frozenset({"intake"}))
SUBMITTED = dt.date(2026, 5, 20)  # make_work_order's submission day (01:00 UTC)


@pytest.fixture
def shop(any_url: str) -> Iterator[Database]:
    database = Database(db.make_engine(any_url))
    with database.uow() as uow:
        work_orders.import_products(uow, (SAMPLES / "products.csv").read_bytes(), "products.csv")
        center.store(uow, "calendar.accept_unannounced_years", str(dt.date.today().year + 1))
        make_work_order(uow, "WO-CK", "CK-HMI-10", ["CK1"], delivered_date=dt.date(2026, 5, 18))
        make_work_order(uow, "WO-JP", "JP-SFP-10G-LR", ["JP1", "JP2"])
        uow.commit()
    yield database
    database.engine.dispose()


def wo_id(database: Database, number: str) -> int:
    with database.uow() as uow:
        return uow.session.scalars(select(WorkOrder.id).where(WorkOrder.number == number)).one()


def record(database: Database, number: str, kind: str, on: dt.date, reason: str | None = None,
           actor: Actor = TECH) -> None:
    target = wo_id(database, number)
    with database.uow(actor) as uow:
        events.record_event(uow, target, kind, on, reason)


def recorded(database: Database, number: str) -> events.RecordedEvents:
    with database.uow() as uow:
        return events.events_of(uow, wo_id(database, number))


def test_events_are_recorded_audited_and_read_back(shop: Database) -> None:
    assert recorded(shop, "WO-CK").dates == dict.fromkeys(events.EVENT_KINDS)
    record(shop, "WO-CK", "return_requested", dt.date(2026, 5, 21), " performance_fault ")
    record(shop, "WO-CK", "return_confirmed", dt.date(2026, 5, 22), actor=BOSS)
    got = recorded(shop, "WO-CK")
    assert got.work_order == "WO-CK" and got.return_reason == "performance_fault"
    assert got["return_requested"] == dt.date(2026, 5, 21)
    assert got["return_confirmed"] == dt.date(2026, 5, 22)
    assert got["replacement_approved"] is None
    record(shop, "WO-CK", "return_confirmed", dt.date(2026, 5, 23))  # a correction
    with shop.uow() as uow:
        entries = [(e.username, e.before, e.after) for e in uow.session.scalars(
            select(AuditEntry).where(AuditEntry.action == "work_order.event")
            .order_by(AuditEntry.id))]
    assert entries == [
        ("li", {"return_requested": None, "reason": None},
         {"return_requested": "2026-05-21", "reason": "performance_fault"}),
        ("sue", {"return_confirmed": None}, {"return_confirmed": "2026-05-22"}),
        ("li", {"return_confirmed": "2026-05-22"}, {"return_confirmed": "2026-05-23"}),
    ]
    ck, jp = wo_id(shop, "WO-CK"), wo_id(shop, "WO-JP")
    with shop.uow() as uow:
        assert events.return_reasons(uow, ck) == ("complete_unused", "performance_fault")
        assert events.return_reasons(uow, jp) == ()


BAD = [  # (work order, kind, day, reason, who, what the refusal says)
    ("WO-CK", "returned", dt.date(2026, 5, 21), None, TECH, "Unknown event 'returned'"),
    ("WO-CK", "return_confirmed", dt.date.today() + dt.timedelta(days=2), None, TECH,
     "in the future"),
    ("WO-CK", "return_confirmed", dt.date(2026, 5, 19), None, TECH,
     "before work order WO-CK was submitted"),
    ("WO-CK", "return_requested", dt.date(2026, 5, 21), None, TECH, "Say why"),
    ("WO-CK", "return_requested", dt.date(2026, 5, 21), "  ", TECH, "Say why"),
    ("WO-CK", "return_requested", dt.date(2026, 5, 21), "new_product_faulty", TECH,
     "not a reason the policy takes; use one of complete_unused, performance_fault"),
    ("WO-JP", "return_requested", dt.date(2026, 5, 21), "performance_fault", TECH,
     "take no returns"),
    ("WO-CK", "return_confirmed", dt.date(2026, 5, 21), "because", TECH,
     "Only a return request has a reason"),
    ("WO-CK", "return_confirmed", dt.date(2026, 5, 21), None, INTAKE,
     "needs the role repair technician or supervisor"),
]


def test_bad_events_are_refused_and_nothing_is_stored(shop: Database) -> None:
    for number, kind, on, reason, actor, message in BAD:
        with pytest.raises((UserError, NotAllowed), match=message):
            record(shop, number, kind, on, reason, actor)
        assert recorded(shop, number).dates == dict.fromkeys(events.EVENT_KINDS), message
        assert recorded(shop, number).return_reason is None
    with shop.uow() as uow:
        assert not uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "work_order.event")).all()


def test_an_answer_cannot_come_before_its_question(shop: Database) -> None:
    record(shop, "WO-JP", "replacement_approved", dt.date(2026, 5, 25))
    with pytest.raises(UserError, match="before the replacement's approval"):
        record(shop, "WO-JP", "replacement_delivered", dt.date(2026, 5, 24))
    jp = wo_id(shop, "WO-JP")
    with shop.uow(TECH) as uow:
        with pytest.raises(UserError, match="no work order 999"):
            events.record_event(uow, 999, "replacement_approved", dt.date(2026, 5, 25))
        with pytest.raises(UserError, match="must be a date"):
            events.record_event(uow, jp, "replacement_approved",
                                dt.datetime(2026, 5, 25, 3))  # type: ignore[arg-type]


def test_a_refused_date_reads_in_the_screen_language(shop: Database) -> None:
    record(shop, "WO-JP", "replacement_approved", dt.date(2026, 5, 25))
    with pytest.raises(UserError) as refused:
        record(shop, "WO-JP", "replacement_delivered", dt.date(2026, 5, 24))
    assert str(refused.value) == (
        "2026-05-24 is before the replacement's approval (2026-05-25) recorded on WO-JP.")
    assert refused.value.in_language("zh_CN") == (
        "2026-05-24 早于工单 WO-JP 上记录的换货批准（2026-05-25）。")
    assert refused.value.in_language("zh_TW") == (
        "2026-05-24 早於工單 WO-JP 上記錄的換貨核准（2026-05-25）。")
    with pytest.raises(UserError) as refused:
        record(shop, "WO-CK", "return_confirmed", dt.date(2026, 5, 21), "because")
    assert refused.value.in_language("zh_TW") == "只有退貨申請需要填寫原因；退貨確認不需要。"


def test_deadlines_list_the_r1_and_r3_items_once_their_dates_are_recorded(shop: Database) -> None:
    with shop.uow() as uow:
        assert [d.rule for d in wd.deadlines_for(uow, "WO-CK")] == []
    record(shop, "WO-CK", "return_requested", dt.date(2026, 5, 21), "performance_fault")
    record(shop, "WO-CK", "return_confirmed", dt.date(2026, 5, 22))
    with shop.uow() as uow:
        items = {(d.rule, d.kind): d for d in wd.deadlines_for(uow, "WO-CK")}
    # R1: asked within 7 days of delivery (05-18 + 7 = 05-25), sent back within 7 of confirmation.
    assert items[("R1", "return_window")].due == dt.date(2026, 5, 25)
    assert items[("R1", "return_window")].problem is None
    assert items[("R1", "send_back")].due == dt.date(2026, 5, 29)
    record(shop, "WO-JP", "replacement_approved", dt.date(2026, 5, 22))  # a Friday
    with shop.uow() as uow:
        ship_by = [(d.rule, d.kind, d.due) for d in wd.deadlines_for(uow, "WO-JP")]
        due = {u.serial: (u.due_at, u.due_rule) for u in uow.session.scalars(select(Unit))}
    # R3: ships within 2 business days of approval (Mon 05-25, Tue 05-26).
    assert ship_by == [("R3", "replacement_ship_by", dt.date(2026, 5, 26))]
    end = dt.datetime(2026, 5, 26, 23, 59, tzinfo=SHANGHAI)
    assert due["JP1"] == due["JP2"] == (end, "R3")  # the queue sees it at once
    # The customer's own windows do not put the unit in the center's queue.
    assert due["CK1"] == (None, None)
    record(shop, "WO-JP", "replacement_delivered", dt.date(2026, 5, 26))
    with shop.uow() as uow:
        faulty = [(d.rule, d.kind, d.due) for d in wd.deadlines_for(uow, "WO-JP")
                  if d.kind == "faulty_part_due"]
        assert faulty == [("R3", "faulty_part_due",
                           dt.datetime(2026, 6, 10, 23, 59, tzinfo=dt.timezone(dt.timedelta(hours=8))))]
        # Delivered: the replacement shipped, and the faulty part is here already.
        assert {u.due_at for u in uow.session.scalars(select(Unit).where(
            Unit.status == UnitStatus.RECEIVED, Unit.serial.like("JP%")))} == {None}


def test_a_late_return_request_is_explained_not_a_due_date(shop: Database) -> None:
    record(shop, "WO-CK", "return_requested", dt.date(2026, 5, 27), "complete_unused")
    with shop.uow() as uow:
        (window,) = [d for d in wd.deadlines_for(uow, "WO-CK") if d.kind == "return_window"]
    assert window.problem == "refused" and "2026-05-25" in window.explanation["en"]
