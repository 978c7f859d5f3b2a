"""Shipping back (S1, S2): parcels in batches, freight payer, tracking numbers, and the race."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from core.audit import verify
from core.errors import NotAllowed, UserError
from core.models import (
    AuditEntry,
    Diagnosis,
    Quote,
    QuoteLine,
    Shipment,
    StatusChange,
    Unit,
    UnitStatus,
    WorkOrder,
    WorkOrderStatus,
)
from core.services import shipping, work_orders
from core.unit_of_work import Actor, Database
from tests.conftest import SAMPLES
from tests.core.test_work_order_import import HEADER, row

CLERK = Actor(username="sam", station="ship-1", user_id=None, roles=frozenset({"shipping"}))
OTHER_CLERK = Actor(username="lee", station="ship-2", user_id=None, roles=frozenset({"shipping"}))


def stock(database: Database, units: dict[str, list[tuple[str, str]]],
          status: UnitStatus = UnitStatus.READY_TO_SHIP) -> None:
    """Work orders {number: [(serial, model)]} with every unit set straight to `status`."""
    text = HEADER + "".join(row(wo=wo, serial=s, model=m) for wo, pairs in units.items()
                            for s, m in pairs)
    with database.uow() as uow:
        if not uow.session.scalar(select(func.count()).select_from(WorkOrder)):
            work_orders.import_products(uow, (SAMPLES / "products.csv").read_bytes(), "p.csv")
        work_orders.import_work_orders(uow, text.encode(), "wo.csv")
    with database.uow() as uow:
        for unit in uow.session.scalars(select(Unit)):
            unit.status = status
        for wo in uow.session.scalars(select(WorkOrder)):
            wo.status = WorkOrderStatus.IN_PROGRESS
        uow.commit()


def unit_ids(database: Database, number: str) -> list[int]:
    with database.uow() as uow:
        return list(uow.session.scalars(select(Unit.id).join(WorkOrder)
                                        .where(WorkOrder.number == number).order_by(Unit.id)))


def test_ready_units_are_grouped_by_work_order_and_address(catalogue: Database) -> None:
    stock(catalogue, {"WO-1": [("SN-1", "JM-X16-Q"), ("SN-2", "JM-X16-Q")],
                      "WO-2": [("SN-3", "CK-IPC-8200")]})
    (third,), (_, second) = unit_ids(catalogue, "WO-2"), unit_ids(catalogue, "WO-1")
    with catalogue.uow() as uow:
        uow.session.get(Unit, third).status = UnitStatus.IN_REPAIR
        uow.session.get(Unit, second).status = UnitStatus.RETURN_UNREPAIRED
        uow.commit()
        groups = shipping.ready_to_ship(uow)
    assert [(g.work_order_number, [u.serial for u in g.units]) for g in groups] == \
        [("WO-1", ["SN-1", "SN-2"])]
    assert groups[0].address == "1 Road, Shenzhen, GD, 518000, CN" and groups[0].has_return_address


def test_large_work_order_goes_in_batches_with_split_freight_and_cod(catalogue: Database) -> None:
    stock(catalogue, {"WO-1": [(f"SN-{i}", "JM-X16-Q") for i in range(1, 6)]})
    ids = unit_ids(catalogue, "WO-1")
    with catalogue.uow() as uow:  # SN-1 was repaired for a fee the customer has not paid yet
        quote = Quote(unit_id=ids[0], status="accepted", currency="CNY")
        quote.lines = [QuoteLine(position=1, kind="part", description="fan", quantity=Decimal(2),
                                 unit_price=Decimal("50.00"), tax_percent=Decimal(13))]
        uow.session.add(quote)
        uow.commit()
    with catalogue.uow(CLERK) as uow:
        parcels = shipping.create_shipments(uow, "WO-1", ids, "SF Express", "standard", 2)
    assert [(p.parcel_no, p.parcel_count, p.serials) for p in parcels] == [
        (1, 3, ("SN-1", "SN-2")), (2, 3, ("SN-3", "SN-4")), (3, 3, ("SN-5",))]
    assert {p.freight_payer for p in parcels} == {"split"}  # S1
    assert [p.cod_amount for p in parcels] == [Decimal("113.00"), Decimal("0"), Decimal("0")]
    with catalogue.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Shipment)) == 3
        assert verify(uow).ok


def test_jasminer_refuses_a_carrier_outside_its_list(catalogue: Database) -> None:
    stock(catalogue, {"WO-1": [("SN-1", "JM-X16-Q")]})
    ids = unit_ids(catalogue, "WO-1")
    with catalogue.uow(CLERK) as uow, pytest.raises(UserError, match="SF Express, Deppon, KYE"):
        shipping.create_shipments(uow, "WO-1", ids, "EMS")


def test_changkong_customer_pays_unless_product_defect(catalogue: Database) -> None:
    stock(catalogue, {"WO-1": [("SN-1", "CK-IPC-8200"), ("SN-2", "CK-IPC-8200")],
                      "WO-2": [("SN-3", "JH-USB-C-2M")]})
    first, second = unit_ids(catalogue, "WO-1")
    with catalogue.uow() as uow:
        # SN-1: first thought misuse, then the latest diagnosis found a product defect.
        uow.session.add(Diagnosis(unit_id=first, cause="misuse", decision="not_covered"))
        uow.session.flush()
        uow.session.add(Diagnosis(unit_id=first, cause="product_defect", decision="covered"))
        uow.session.add(Diagnosis(unit_id=second, cause="misuse", decision="not_covered"))
        uow.commit()
    with catalogue.uow(CLERK) as uow:
        parcels = shipping.create_shipments(uow, "WO-1", [first, second], "Deppon", batch_size=10)
    # Different payers never share a label: two parcels even though the batch is large.
    assert {(p.serials, p.freight_payer) for p in parcels} == {(("SN-1",), "center"),
                                                               (("SN-2",), "customer")}
    ids = unit_ids(catalogue, "WO-2")
    with catalogue.uow(CLERK) as uow:
        (other,) = shipping.create_shipments(uow, "WO-2", ids, "KYE")
    assert other.freight_payer == "center" and other.cod_amount == 0  # JetHarness: no terms


def test_units_not_ready_or_already_packed_are_refused(catalogue: Database) -> None:
    stock(catalogue, {"WO-1": [("SN-1", "JM-X16-Q"), ("SN-2", "JM-X16-Q")]})
    first, second = unit_ids(catalogue, "WO-1")
    with catalogue.uow() as uow:
        uow.session.get(Unit, second).status = UnitStatus.TESTING
        uow.commit()
    with catalogue.uow(CLERK) as uow, pytest.raises(UserError, match="SN-2 is testing"):
        shipping.create_shipments(uow, "WO-1", [first, second], "KYE")
    with catalogue.uow(CLERK) as uow:
        shipping.create_shipments(uow, "WO-1", [first], "KYE")
    with catalogue.uow(CLERK) as uow, pytest.raises(UserError, match="already packed"):
        shipping.create_shipments(uow, "WO-1", [first], "KYE")


def test_a_refused_packing_reads_in_chinese_with_the_state_in_chinese(catalogue: Database) -> None:
    stock(catalogue, {"WO-1": [("SN-1", "JM-X16-Q")]})
    (unit,) = unit_ids(catalogue, "WO-1")
    with catalogue.uow() as uow:
        uow.session.get(Unit, unit).status = UnitStatus.TESTING
        uow.commit()
    with catalogue.uow(CLERK) as uow, pytest.raises(UserError) as refused:
        shipping.create_shipments(uow, "WO-1", [unit], "KYE")
    assert str(refused.value) == "Unit SN-1 is testing, not ready to ship."
    assert refused.value.in_language("zh_CN") == "设备 SN-1 处于“测试中”状态，尚不能发货。"
    assert refused.value.in_language("zh_TW") == "設備 SN-1 目前為「測試中」，尚不能出貨。"
    with catalogue.uow(CLERK) as uow, pytest.raises(UserError) as refused:
        shipping.ship(uow, 999)
    assert refused.value.in_language("zh_CN") == "没有包裹 999。"
    with catalogue.uow(CLERK) as uow, pytest.raises(UserError) as refused:
        shipping.assign_tracking(uow, 999, "no such waybill")
    assert refused.value.in_language("zh_TW") == (
        "'no such waybill' 不是運單號：請掃描貨運公司的條碼（4-64 個字母或數字，不含空白）。")


def test_only_the_shipping_role_ships(catalogue: Database) -> None:
    stock(catalogue, {"WO-1": [("SN-1", "JM-X16-Q")]})
    bench = Actor(username="ann", roles=frozenset({"repair"}))
    ids = unit_ids(catalogue, "WO-1")
    with catalogue.uow(bench) as uow, pytest.raises(NotAllowed, match="shipping clerk"):
        shipping.create_shipments(uow, "WO-1", ids, "KYE")


def packed(database: Database, number: str = "WO-1", tracking: str | None = "SF1234567890") -> int:
    ids = unit_ids(database, number)
    with database.uow(CLERK) as uow:
        (parcel,) = shipping.create_shipments(uow, number, ids, "SF Express")
    if tracking:
        with database.uow(CLERK) as uow:
            shipping.assign_tracking(uow, parcel.shipment_id, tracking)
    return parcel.shipment_id


def test_tracking_is_checked_and_unique(catalogue: Database) -> None:
    stock(catalogue, {"WO-1": [("SN-1", "JM-X16-Q")], "WO-2": [("SN-2", "JM-X16-Q")]})
    first = packed(catalogue, "WO-1")
    second = packed(catalogue, "WO-2", tracking=None)
    with catalogue.uow(CLERK) as uow, pytest.raises(UserError, match="not a tracking number"):
        shipping.assign_tracking(uow, second, "SF 12")
    with catalogue.uow(CLERK) as uow, pytest.raises(UserError, match=f"parcel {first}"):
        shipping.assign_tracking(uow, second, " SF1234567890 ")
    with catalogue.uow(CLERK) as uow, pytest.raises(UserError, match="no tracking number"):
        shipping.ship(uow, second)


def test_ship_marks_units_records_transitions_and_audits(any_database: Database) -> None:
    stock(any_database, {"WO-1": [("SN-1", "JM-X16-Q"), ("SN-2", "JM-X16-Q")]})
    first, second = unit_ids(any_database, "WO-1")
    with any_database.uow() as uow:
        uow.session.get(Unit, second).status = UnitStatus.REPLACEMENT
        uow.commit()
    parcel = packed(any_database)
    with any_database.uow(CLERK) as uow:
        summary = shipping.ship(uow, parcel)
    assert summary.shipped and summary.tracking_number == "SF1234567890"
    with any_database.uow() as uow:
        units = uow.session.scalars(select(Unit).order_by(Unit.id)).all()
        assert {u.status for u in units} == {UnitStatus.SHIPPED}
        assert all(u.shipped_at is not None for u in units)
        assert uow.session.scalar(select(WorkOrder.status)) == WorkOrderStatus.SHIPPED
        changes = uow.session.execute(select(StatusChange.unit_id, StatusChange.from_status,
                                             StatusChange.to_status, StatusChange.station)).all()
        assert set(changes) == {(first, "ready_to_ship", "shipped", "ship-1"),
                                (second, "replacement", "shipped", "ship-1"),
                                (None, "in_progress", "shipped", "ship-1")}
        actions = uow.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)
                                      .where(AuditEntry.entity == "shipment")).all()
        assert actions == ["shipment.create", "shipment.tracking", "shipment.ship"]
        assert verify(uow).ok
    with any_database.uow(CLERK) as uow, pytest.raises(UserError, match="already shipped"):
        shipping.ship(uow, parcel)


def test_two_clerks_ship_the_same_parcel_interleaved(any_database: Database) -> None:
    """Both read the parcel as ready; the first commits; the second is told, nothing half done."""
    if any_database.backend == "sqlite":
        pytest.skip("SQLite serialises writers at BEGIN IMMEDIATE: the threaded test covers it")
    stock(any_database, {"WO-1": [("SN-1", "JM-X16-Q"), ("SN-2", "JM-X16-Q")]})
    parcel = packed(any_database)
    with any_database.uow(CLERK) as first, any_database.uow(OTHER_CLERK) as second:
        # The second clerk's session reads the parcel and units while they are still ready.
        # (kept referenced, as a screen would: the session's identity map holds them weakly)
        seen = shipping.get_shipment(second, parcel), shipping.shipment_units(second, parcel)
        assert seen[0].shipped_at is None
        assert {u.status for u in seen[1]} == {UnitStatus.READY_TO_SHIP}
        shipping.ship(first, parcel)
        with pytest.raises(UserError, match="another station"):
            shipping.ship(second, parcel)
    with any_database.uow() as uow:
        changes = uow.session.scalars(select(StatusChange.station)
                                      .where(StatusChange.unit_id.is_not(None))).all()
        assert changes == ["ship-1", "ship-1"]
        assert uow.session.scalars(select(AuditEntry.username)
                                   .where(AuditEntry.action == "shipment.ship")).all() == ["sam"]
        assert verify(uow).ok


def test_two_clerks_ship_at_once_in_threads(any_database: Database) -> None:
    stock(any_database, {"WO-1": [(f"SN-{i}", "JM-X16-Q") for i in range(20)]})
    parcel = packed(any_database)
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def clerk(actor: Actor) -> None:
        start.wait()
        try:
            with any_database.uow(actor) as uow:
                shipping.ship(uow, parcel)
            outcomes.append("shipped")
        except UserError as exc:
            outcomes.append(str(exc))

    threads = [threading.Thread(target=clerk, args=(a,)) for a in (CLERK, OTHER_CLERK)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(outcomes)[-1] == "shipped" and outcomes.count("shipped") == 1
    with any_database.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(StatusChange)
                                  .where(StatusChange.to_status == "shipped",
                                         StatusChange.unit_id.is_not(None))) == 20
        assert verify(uow).ok


def test_label_printed_is_recorded_audited_and_reset_by_a_new_tracking_number(
        catalogue: Database) -> None:
    stock(catalogue, {"WO-1": [("SN-1", "JM-X16-Q")]})
    parcel = packed(catalogue)
    with catalogue.uow(CLERK) as uow:
        assert not shipping.open_shipments(uow, "WO-1")[0].label_printed
        assert shipping.mark_label_printed(uow, parcel).label_printed
    with catalogue.uow(CLERK) as uow:
        assert shipping.open_shipments(uow, "WO-1")[0].label_printed
        # The same number again: the printed label is still right.
        assert shipping.assign_tracking(uow, parcel, "SF1234567890").label_printed
    with catalogue.uow(CLERK) as uow:
        # A new waybill: the printed label carries the old number, so it must be printed again.
        assert not shipping.assign_tracking(uow, parcel, "SF123456789012").label_printed
    with catalogue.uow() as uow:
        assert uow.session.get(Shipment, parcel).label_printed_at is None
        entries = uow.session.execute(select(AuditEntry.action, AuditEntry.after).where(
            AuditEntry.entity == "shipment").order_by(AuditEntry.id)).all()
        assert [a for a, _ in entries] == ["shipment.create", "shipment.tracking",
                                           "shipment.label_printed", "shipment.tracking",
                                           "shipment.tracking"]
        assert entries[2][1]["tracking_number"] == "SF1234567890"
        assert entries[-1][1] == {"tracking_number": "SF123456789012", "label_printed_at": None}
        assert verify(uow).ok


def test_only_clerks_mark_labels_printed_and_never_on_a_parcel_that_left(
        catalogue: Database) -> None:
    stock(catalogue, {"WO-1": [("SN-1", "JM-X16-Q")]})
    parcel = packed(catalogue)
    bench = Actor(username="ann", roles=frozenset({"repair"}))
    with catalogue.uow(bench) as uow, pytest.raises(NotAllowed, match="shipping clerk"):
        shipping.mark_label_printed(uow, parcel)
    supervisor = Actor(username="sue", roles=frozenset({"supervisor"}))
    with catalogue.uow(supervisor) as uow:
        assert shipping.mark_label_printed(uow, parcel).label_printed
    with catalogue.uow(CLERK) as uow:
        shipping.ship(uow, parcel)
    with catalogue.uow(CLERK) as uow, pytest.raises(UserError, match="already left"):
        shipping.mark_label_printed(uow, parcel)
    with catalogue.uow(CLERK) as uow, pytest.raises(UserError, match="no parcel 999"):
        shipping.mark_label_printed(uow, 999)


@pytest.mark.parametrize(("carrier", "scanned", "expected"), [
    ("SF Express", "SF1234567890123", True),
    ("SF Express", "SF123456789012", True),
    ("SF Express", "SF12345678901", False),  # 11 digits
    ("SF Express", "SF1234567890123456", False),  # 16 digits
    ("SF Express", "DPK300123456", False),
    ("Deppon", "DPK300123456", True),
    ("Deppon", "RMA-2026-0001", False),  # a work order, not a waybill
    ("Deppon", "1234567", False),  # too short
    ("KYE", "K" * 31, False),
])
def test_tracking_numbers_are_recognised_per_carrier(carrier: str, scanned: str,
                                                     expected: bool) -> None:
    assert shipping.looks_like_tracking(carrier, scanned) is expected


def test_a_center_pattern_replaces_the_plain_one_and_a_broken_one_says_so() -> None:
    patterns = {"KYE": r"KY\d{10}"}
    assert shipping.looks_like_tracking("KYE", "KY0123456789", patterns)
    assert not shipping.looks_like_tracking("KYE", "ABCDEFGH12", patterns)
    assert shipping.looks_like_tracking("Deppon", "ABCDEFGH12", patterns)
    with pytest.raises(UserError, match="not a valid pattern"):
        shipping.looks_like_tracking("KYE", "KY1", {"KYE": "KY(\\d"})


def test_a_scan_names_a_work_order_by_number_or_order_number(catalogue: Database) -> None:
    stock(catalogue, {"WO-7": [("SN-1", "JM-X16-Q")]})
    with catalogue.uow() as uow:
        assert shipping.work_order_for_scan(uow, "WO-7") == "WO-7"
        assert shipping.work_order_for_scan(uow, "SO-1") == "WO-7"  # the original order number
        assert shipping.work_order_for_scan(uow, "]C1400SO-1") == "WO-7"  # GS1 AI 400
        assert shipping.work_order_for_scan(uow, "SF1234567890123") is None
        assert shipping.work_order_for_scan(uow, "\x00\x01") is None
        assert shipping.latest_intake_id(uow, "WO-7") is None
