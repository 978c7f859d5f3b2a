"""Warranty decisions from database rows: dates in the center's zone, exclusions, W4 by serial."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from core.errors import UserError
from core.models import (
    Customer,
    Diagnosis,
    ParcelIntake,
    Priority,
    Product,
    Quote,
    Unit,
    UnitStatus,
    WorkOrder,
    WorkOrderStatus,
)
from core.services import warranty_decisions as wd
from core.unit_of_work import Database, UnitOfWork

UTC = dt.UTC


def make_work_order(uow: UnitOfWork, number: str, model: str, serials: list[str], *,
                    order_number: str = "SO-1", status: UnitStatus = UnitStatus.RECEIVED,
                    received_at: dt.datetime | None = dt.datetime(2026, 6, 1, 3, tzinfo=UTC),
                    condition: str = "intact", **unit_values: object) -> WorkOrder:
    """A work order with received units of `model` (test helper shared by the repair tests)."""
    product = uow.session.scalars(select(Product).where(Product.model == model)).one()
    customer = Customer(name="Wang Wei", phone="138")
    wo = WorkOrder(number=number, order_number=order_number, customer=customer,
                   address="Road 1", city="Shenzhen", country="CN",
                   submitted_at=dt.datetime(2026, 5, 20, 1, tzinfo=UTC),
                   status=WorkOrderStatus.RECEIVED if status != UnitStatus.AWAITING_PARCEL
                   else WorkOrderStatus.AWAITING_PARCEL)
    uow.session.add(wo)
    intake = ParcelIntake(station="bench", condition=condition, verdict="accepted", work_order=wo)
    uow.session.add(intake)
    uow.session.flush()
    for serial in serials:
        values = {"purchase_date": dt.date(2026, 1, 10), "proof_of_purchase": True,
                  "factory_date": dt.date(2025, 12, 1), **unit_values}
        uow.session.add(Unit(work_order_id=wo.id, serial=serial, product_id=product.id,
                             status=status, received_at=received_at, intake_id=intake.id,
                             **values))
    uow.session.flush()
    uow.session.refresh(wo)
    return wo


@pytest.fixture
def shop(catalogue: Database) -> Database:
    return catalogue


def unit_id(uow: UnitOfWork, serial: str, number: str | None = None) -> int:
    q = select(Unit.id).join(WorkOrder).where(Unit.serial == serial)
    if number:
        q = q.where(WorkOrder.number == number)
    return uow.session.scalars(q).one()


def test_received_day_is_taken_in_the_center_time_zone(shop: Database) -> None:
    # 2026-07-08 20:00 UTC is already 2026-07-09 in Shanghai: W4's 180th day is 07-09.
    with shop.uow() as uow:
        make_work_order(uow, "WO-1", "CK-HMI-10", ["CK1"],
                        received_at=dt.datetime(2026, 7, 8, 20, tzinfo=UTC))
        decision = wd.decide(uow, unit_id(uow, "CK1"))
        assert decision.judged_on == dt.date(2026, 7, 9)
        assert decision.end == dt.date(2026, 7, 9) and decision.status == "covered"
        later = wd.decide(uow, unit_id(uow, "CK1"), dt.date(2026, 7, 10))
        assert later.status == "not_covered" and later.rule == "W4"


def test_without_proof_changkong_counts_240_days_from_factory(shop: Database) -> None:
    with shop.uow() as uow:
        make_work_order(uow, "WO-1", "CK-HMI-10", ["CK1"], proof_of_purchase=False)
        decision = wd.decide(uow, unit_id(uow, "CK1"))
        assert decision.start == dt.date(2025, 12, 1)
        assert decision.end == dt.date(2026, 7, 29)


def test_diagnosis_exclusions_void_the_warranty(shop: Database) -> None:
    with shop.uow() as uow:
        make_work_order(uow, "WO-1", "CK-HMI-10", ["CK1"])
        uid = unit_id(uow, "CK1")
        uow.session.add(Diagnosis(unit_id=uid, cause="user_damage", exclusions=["torn_label"],
                                  decision="not_covered"))
        uow.session.flush()
        decision = wd.decide(uow, uid)
        assert decision.status == "not_covered"
        assert [x.code for x in decision.exclusions] == ["torn_label"]


@pytest.mark.parametrize(("model", "condition", "expected"), [
    # Jasminer's terms list logistics damage (002): a unit that arrived damaged is not covered.
    ("JM-X16-Q", "damaged_unit", {"logistics_damage"}),
    # A crushed box alone says nothing about the unit inside.
    ("JM-X16-Q", "damaged_box", set()),
    # Changkong does not list logistics damage: the technician judges it at diagnosis.
    ("CK-HMI-10", "damaged_unit", set()),
    # An opened parcel is not an opened product seal.
    ("JH-USB-C-2M", "opened", set()),
    # Wet on arrival supports "water" where the terms exclude water.
    ("JH-USB-C-2M", "wet,damaged_box", {"water"}),
    ("JM-X16-Q", "wet", set()),
])
def test_intake_condition_gives_exclusions_only_where_they_apply(
        shop: Database, model: str, condition: str, expected: set[str]) -> None:
    with shop.uow() as uow:
        make_work_order(uow, "WO-1", model, ["S1"], condition=condition)
        unit = uow.session.get(Unit, unit_id(uow, "S1"))
        from core.services.policies import policy_for

        facts = wd.unit_facts(uow, unit, policy_for(uow, unit.product.policy_code))
        assert facts.exclusions == frozenset(expected)


def test_no_order_number_is_not_covered(shop: Database) -> None:
    with shop.uow() as uow:
        make_work_order(uow, "WO-1", "CK-HMI-10", ["CK1"], order_number="")
        decision = wd.decide(uow, unit_id(uow, "CK1"))
        assert decision.status == "not_covered" and decision.rule == "I5"


def test_paid_repair_extends_warranty_across_work_orders(shop: Database) -> None:
    # rule W4: 60 days from the day the repaired unit went back, on a later work order.
    with shop.uow() as uow:
        make_work_order(uow, "WO-1", "CK-HMI-10", ["CK1"], status=UnitStatus.SHIPPED,
                        purchase_date=dt.date(2025, 1, 1),
                        received_at=dt.datetime(2025, 9, 1, 2, tzinfo=UTC))
        first = uow.session.get(Unit, unit_id(uow, "CK1", "WO-1"))
        first.shipped_at = dt.datetime(2025, 9, 10, 17, tzinfo=UTC)  # 09-11 in Shanghai
        uow.session.add(Quote(unit_id=first.id, status="accepted", currency="CNY"))
        make_work_order(uow, "WO-2", "CK-HMI-10", ["CK1"], purchase_date=dt.date(2025, 1, 1),
                        received_at=dt.datetime(2025, 11, 10, 2, tzinfo=UTC))
        second = unit_id(uow, "CK1", "WO-2")
        decision = wd.decide(uow, second)
        assert decision.status == "covered" and decision.rule == "W4"
        assert "2025-11-10" in decision.explanation["en"]
        assert wd.decide(uow, second, dt.date(2025, 11, 11)).status == "not_covered"


def test_unpaid_earlier_repair_gives_no_extension(shop: Database) -> None:
    with shop.uow() as uow:
        make_work_order(uow, "WO-1", "CK-HMI-10", ["CK1"], status=UnitStatus.SHIPPED,
                        purchase_date=dt.date(2025, 1, 1))
        first = uow.session.get(Unit, unit_id(uow, "CK1", "WO-1"))
        first.shipped_at = dt.datetime(2025, 9, 10, 2, tzinfo=UTC)
        uow.session.add(Quote(unit_id=first.id, status="declined", currency="CNY"))
        make_work_order(uow, "WO-2", "CK-HMI-10", ["CK1"], purchase_date=dt.date(2025, 1, 1),
                        received_at=dt.datetime(2025, 10, 1, 2, tzinfo=UTC))
        assert wd.decide(uow, unit_id(uow, "CK1", "WO-2")).status == "not_covered"


def test_deadlines_list_repair_by_and_return_by(shop: Database) -> None:
    with shop.uow() as uow:
        ck = make_work_order(uow, "WO-1", "CK-HMI-10", ["CK1"])
        ck.units[0].customer_accepted_at = dt.datetime(2026, 6, 5, 2, tzinfo=UTC)  # a Friday
        make_work_order(uow, "WO-2", "JM-X16-Q", ["JM1"])
        items = wd.deadlines_for(uow, "WO-1")
        assert [(d.rule, d.kind, d.due) for d in items] == [("D2", "repair_by", dt.date(2026, 6, 10))]
        # Jasminer's length is open until a supervisor sets it: the return-by date is pending.
        pending = wd.deadlines_for(uow, "WO-2")
        assert [(d.rule, d.kind, d.problem) for d in pending] == [("S1", "return_by", "pending")]


def test_service_level_deadline_from_priority(shop: Database) -> None:
    with shop.uow() as uow:
        wo = make_work_order(uow, "WO-1", "JP-S5850-48T", ["JP1"])
        wo.priority = Priority.P1
        items = wd.deadlines_for(uow, "WO-1")
        assert [(d.rule, d.kind) for d in items] == [("D3", "service_level")]


def test_unknown_work_order_or_serial_says_which(shop: Database) -> None:
    with shop.uow() as uow:
        make_work_order(uow, "WO-1", "CK-HMI-10", ["CK1"])
        with pytest.raises(UserError, match="no work order 'NOPE'"):
            wd.find_unit(uow, "NOPE", "CK1")
        with pytest.raises(UserError, match="no unit with serial 'X'"):
            wd.find_unit(uow, "WO-1", "X")


def test_unknown_work_order_or_serial_reads_in_chinese(shop: Database) -> None:
    with shop.uow() as uow:
        make_work_order(uow, "WO-1", "CK-HMI-10", ["CK1"])
        with pytest.raises(UserError) as refused:
            wd.find_unit(uow, "NOPE", "CK1")
        assert refused.value.in_language("zh_CN") == "没有工单 'NOPE'；请核对单据上的工单号。"
        assert refused.value.in_language("zh_TW") == "沒有工單 'NOPE'；請核對單據上的工單號碼。"
        with pytest.raises(UserError) as refused:
            wd.find_unit(uow, "WO-1", "X")
        assert refused.value.in_language("zh_TW") == "工單 WO-1 中沒有序號為 'X' 的設備。"
