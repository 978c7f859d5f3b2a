"""Intake matching (rules I1-I7): every reason code, durability, and the parcel's close."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from core.errors import UserError
from core.models import ParcelIntake, Scan, Unit, UnitStatus, WorkOrder, WorkOrderStatus
from core.services import intake, policies, work_orders
from core.services.intake import ScanOutcome
from core.unit_of_work import Actor, Database
from tests.core.test_work_order_import import HEADER, row

BENCH = Actor(username="ann", station="bench-1", roles=frozenset({"intake"}))
GS = "\x1d"


@pytest.fixture
def bench(catalogue: Database) -> Database:
    text = (HEADER + row(wo="WO-1", serial="SN-1") + row(wo="WO-1", serial="SN-2")
            + row(wo="WO-2", serial="SN-3", model="JP-SFP-10G-LR")
            + row(wo="WO-3", serial="SN-9") + row(wo="WO-4", serial="SN-9")
            + row(wo="WO-5", serial="SN-5", model="JP-S5850-48T"))
    with catalogue.uow() as uow:
        work_orders.import_work_orders(uow, text.encode(), "wo.csv")
    return catalogue


def scan(database: Database, raw: str, parcel: int | None = None) -> ScanOutcome:
    with database.uow(BENCH) as uow:
        return intake.scan(uow, raw, parcel)


def set_wo(database: Database, number: str, **values: object) -> None:
    with database.uow() as uow:
        wo = work_orders.get_work_order(uow, number)
        for key, value in values.items():
            setattr(wo, key, value)
        uow.commit()


def test_work_order_then_units_are_accepted_and_durable(bench: Database) -> None:
    opened = scan(bench, "WO-1")
    assert opened.verdict == "info" and opened.work_order == "WO-1"
    assert [u["serial"] for u in opened.expected] == ["SN-1", "SN-2"]
    first = scan(bench, "SN-1", opened.intake_id)
    assert first.verdict == "accepted" and first.reasons == []
    assert "1 unit(s) still expected" in first.message
    # Durable: a new connection (another process) sees the unit received and the scan stored.
    with bench.uow() as uow:
        unit = uow.session.scalars(select(Unit).where(Unit.serial == "SN-1")).one()
        assert unit.status == UnitStatus.RECEIVED and unit.intake_id == opened.intake_id
        assert unit.work_order.status == WorkOrderStatus.PARTLY_RECEIVED
        stored = uow.session.scalars(select(Scan).where(Scan.id == first.scan_id)).one()
        assert (stored.raw, stored.verdict, stored.station) == ("SN-1", "accepted", "bench-1")
    second = scan(bench, "SN-2", opened.intake_id)
    assert "All units of the work order are in" in second.message
    with bench.uow() as uow:
        assert work_orders.get_work_order(uow, "WO-1").status == WorkOrderStatus.RECEIVED


def test_gs1_scan_with_order_number_and_serial(bench: Database) -> None:
    opened = scan(bench, f"]C1400WO-1{GS}")
    assert opened.verdict == "info" and opened.work_order == "WO-1"
    got = scan(bench, f"]C121SN-2{GS}10LOT7", opened.intake_id)
    assert got.verdict == "accepted" and got.serial == "SN-2"


@pytest.mark.parametrize(("scans", "reason"), [
    (["NOPE-123"], "no_work_order"),
    (["WO-1", "SN-3"], "not_on_work_order"),
    (["WO-1", "SN-1", "SN-1"], "already_received"),
    (["SN-9"], "ambiguous_serial"),
    (["\x1b\x1b"], "unreadable"),
    (["]C101123456789012342140"], "unreadable"),
    (["&é\"'(-"], "keyboard_layout"),
])
def test_rejections_carry_their_reason(bench: Database, scans: list[str], reason: str) -> None:
    parcel = None
    for raw in scans:
        outcome = scan(bench, raw, parcel)
        parcel = outcome.intake_id
    assert outcome.verdict == "rejected"
    assert outcome.reasons[0] == reason
    assert outcome.message
    with bench.uow() as uow:
        stored = uow.session.scalars(select(Scan).order_by(Scan.id.desc())).first()
        assert stored.verdict == "rejected" and stored.reasons[0] == reason


def test_serial_of_another_open_work_order_names_it(bench: Database) -> None:
    opened = scan(bench, "WO-1")
    wrong = scan(bench, "SN-3", opened.intake_id)
    assert wrong.reasons == ["not_on_work_order", "belongs_to:WO-2"]
    assert "belongs to open work order WO-2" in wrong.message


def test_serial_alone_opens_its_only_work_order(bench: Database) -> None:
    got = scan(bench, "SN-2")
    assert got.verdict == "accepted" and got.work_order == "WO-1"


def test_closed_cancelled_and_incomplete_work_orders(bench: Database) -> None:
    set_wo(bench, "WO-1", status=WorkOrderStatus.CLOSED)
    assert scan(bench, "WO-1").reasons == ["work_order_closed"]
    set_wo(bench, "WO-2", address="")
    refused = scan(bench, "WO-2")
    assert refused.reasons == ["work_order_incomplete"] and "no return address" in refused.message


def test_policy_requirements_order_number_and_diagnosis_report(bench: Database) -> None:
    # Jomplair switches need a fault diagnosis report and an order number (rule I6).
    assert scan(bench, "WO-5").reasons == ["missing_diagnosis_report"]
    set_wo(bench, "WO-5", diagnosis_report=True, order_number="")
    assert scan(bench, "WO-5").reasons == ["missing_order_number"]
    set_wo(bench, "WO-5", order_number="SO-1")
    assert scan(bench, "WO-5").verdict == "info"


def test_wrong_model_from_gtin(bench: Database) -> None:
    opened = scan(bench, "WO-1")
    with bench.uow() as uow:
        from core.models import Product

        cable_gtin = uow.session.scalars(
            select(Product.gtin).where(Product.model == "JH-USB-C-2M")).one()
    wrong = scan(bench, f"]C101{cable_gtin}21SN-1", opened.intake_id)
    assert wrong.reasons == ["wrong_model"]
    assert "JH-USB-C-2M" in wrong.message and "JM-X16-Q" in wrong.message


def test_serial_still_in_center_under_another_order_is_refused(bench: Database) -> None:
    parcel = scan(bench, "WO-3").intake_id
    assert scan(bench, "SN-9", parcel).verdict == "accepted"
    parcel2 = scan(bench, "WO-4").intake_id
    again = scan(bench, "SN-9", parcel2)
    assert again.reasons == ["already_received"] and "WO-3" in again.message


def test_closing_records_condition_and_missing_units(bench: Database) -> None:
    parcel = scan(bench, "WO-1").intake_id
    scan(bench, "SN-1", parcel)
    with bench.uow(BENCH) as uow:
        summary = intake.close_parcel(uow, parcel, condition=["damaged_box", "wet"],
                                      carrier="SF Express", tracking_number="SF123",
                                      photos=[("box.jpg", b"\xff\xd8jpeg")])
    assert summary.verdict == "accepted" and summary.received == ["SN-1"]
    assert summary.missing == ["SN-2"]
    with bench.uow() as uow:
        stored = uow.session.get(ParcelIntake, parcel)
        assert stored.condition == "damaged_box,wet" and stored.tracking_number == "SF123"
        assert stored.closed_at is not None
    with pytest.raises(Exception, match="not open any more"), bench.uow(BENCH) as uow:
        intake.close_parcel(uow, parcel)
    with pytest.raises(Exception, match="Unknown parcel condition"), bench.uow(BENCH) as uow:
        intake.close_parcel(uow, scan(bench, "WO-2").intake_id, condition=["squashed"])


def test_a_refused_parcel_action_reads_in_the_screen_language(bench: Database) -> None:
    parcel = scan(bench, "WO-1").intake_id
    with pytest.raises(UserError) as refused, bench.uow(BENCH) as uow:
        intake.close_parcel(uow, parcel, condition=["squashed"])
    assert str(refused.value) == ("Unknown parcel condition 'squashed'; use one of intact, "
                                  "damaged_box, damaged_unit, wet, opened.")
    assert refused.value.in_language("zh_CN").startswith(
        "未知的包裹状况 'squashed'；请使用以下之一：intact（完好）、damaged_box（外箱破损）、")
    assert "damaged_unit（設備損壞）" in refused.value.in_language("zh_TW")
    with bench.uow(BENCH) as uow:
        intake.close_parcel(uow, parcel)
    with pytest.raises(UserError) as refused, bench.uow(BENCH) as uow:
        intake.refuse_parcel(uow, parcel, [])
    assert refused.value.in_language("zh_CN") == f"包裹 {parcel} 已关闭；请扫描工单以开始新的包裹。"
    assert refused.value.in_language("zh_TW") == f"包裹 {parcel} 已關閉；請掃描工單以開始新的包裹。"


def test_parcel_that_matched_nothing_is_refused_with_reasons(bench: Database) -> None:
    first = scan(bench, "NOPE-1")
    scan(bench, "NOPE-2", first.intake_id)
    with bench.uow(BENCH) as uow:
        summary = intake.close_parcel(uow, first.intake_id)
    assert summary.verdict == "refused" and summary.reasons == ["no_work_order"]


def test_refusing_a_parcel_refuses_its_units(bench: Database) -> None:
    parcel = scan(bench, "WO-1").intake_id
    scan(bench, "SN-1", parcel)
    with bench.uow(BENCH) as uow:
        summary = intake.refuse_parcel(uow, parcel, ["damaged_unit"], "crushed")
    assert summary.verdict == "refused"
    with bench.uow() as uow:
        unit = uow.session.scalars(select(Unit).where(Unit.serial == "SN-1")).one()
        assert unit.status == UnitStatus.REFUSED
        assert uow.session.scalars(select(WorkOrder.status).where(WorkOrder.number == "WO-1")
                                   ).one() == WorkOrderStatus.AWAITING_PARCEL


def test_only_intake_technicians_receive_parcels(bench: Database) -> None:
    clerk = Actor(username="sam", station="ship-1", roles=frozenset({"shipping"}))
    with pytest.raises(Exception, match="needs the role intake technician"), bench.uow(clerk) as uow:
        intake.scan(uow, "WO-1")
    with bench.uow() as uow:
        assert uow.session.scalars(select(Scan)).all() == []


def test_intake_checks_follow_the_policy_text_stored_now(bench: Database) -> None:
    # The scan reads each unit's policy text with the units: an edit saved a moment ago by the
    # administrator, not a copy from an earlier scan, decides what the parcel needs (rule I6).
    admin = Actor(username="root", roles=frozenset({"administrator"}))
    own = ('code = "acme_switches"\nname = "ACME switches"\n[warranty]\nrule = "W1"\n'
           'period = { starts_from = "purchase", unit = "months", length = 24 }\n'
           'last_day_counts = true\njudged_on = "received"\nout_of_warranty_repair = true\n'
           '[intake]\ndiagnosis_report_for = ["switch"]\n')
    with bench.uow(admin) as uow:
        policies.save_policy(uow, own, "acme.toml")
    with bench.uow(admin) as uow:
        policies.assign_policy(uow, "JP-S5850-48T", "acme_switches")
    assert scan(bench, "WO-5").reasons == ["missing_diagnosis_report"]
    with bench.uow(admin) as uow:
        policies.save_policy(uow, own.replace('["switch"]', "[]"), "acme.toml")
    opened = scan(bench, "WO-5")
    assert opened.verdict == "info" and opened.reasons == []
    assert scan(bench, "SN-5", opened.intake_id).verdict == "accepted"
