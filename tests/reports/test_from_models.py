"""Builders from core.models rows (transient, no database) to document data, then rendered."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from core.models import (
    Customer,
    Diagnosis,
    Finding,
    ParcelIntake,
    Part,
    Product,
    Quote,
    QuoteLine,
    RepairAction,
    Scan,
    Shipment,
    Unit,
    WorkOrder,
)
from reports.from_models import (
    center_info_from,
    intake_slip_data_for,
    label_data_for,
    limits_text,
    quote_data_for,
    refusal_slip_data_for,
    report_data_for,
)
from reports.pdf_label import render_label_pdf
from reports.pdf_quote import render_quote_pdf
from reports.pdf_report import render_report_pdf
from reports.pdf_slips import render_intake_slip_pdf, render_refusal_slip_pdf
from reports.zpl import render_label_zpl
from tests.reports.pdftools import all_text, decoded_pages

CENTER = center_info_from({"center.name": "华南维修中心",
                           "center.address": "深圳市南山区\nBuilding 3", "center.phone": "0755-1234"})


def work_order() -> WorkOrder:
    product = Product(id=1, model="X16-Q", name="Miner", brand="Jasminer", policy_code="jasminer")
    customer = Customer(id=1, name="张三", company="矿业公司", phone="138")
    wo = WorkOrder(id=7, number="RB-2025-000007", customer=customer, address="科技园 1 号\n2 楼",
                   city="深圳", province="广东", postal_code="518000", country="中国")
    wo.units = [Unit(id=i, serial=f"SN{i:04d}", product=product, intake_id=3 if i < 3 else None)
                for i in (1, 2, 3)]
    return wo


def test_center_from_settings() -> None:
    assert CENTER.name == "华南维修中心"
    assert CENTER.as_address().lines == ("深圳市南山区", "Building 3")
    assert center_info_from({}).name == ""


def test_label_from_shipment(tmp_path: Path) -> None:
    wo = work_order()
    shipment = Shipment(carrier="Deppon 德邦", service="", tracking_number="DPK300123456",
                        batch_no=1, batch_count=2, cod_amount=Decimal("88.00"), currency="CNY",
                        freight_payer="customer")
    shipment.units = wo.units[:2]
    label = label_data_for(wo, shipment, CENTER, language="zh_CN")
    assert label.serials == ("SN0001", "SN0002")
    assert label.recipient.lines == ("科技园 1 号", "2 楼") and label.recipient.name == "张三"
    assert label.cod_amount == Decimal("88.00") and (label.parcel_no, label.parcel_count) == (1, 2)
    pdf = render_label_pdf(label)
    assert "到付" in all_text(pdf)
    (page,) = decoded_pages(pdf, tmp_path)
    assert {t for _, t in page} == {"DPK300123456", "RB-2025-000007",
                                    "WO:RB-2025-000007;SN:SN0001,SN0002"}
    assert b"DPK300123456" in render_label_zpl(label)


def test_label_tolerates_a_bare_shipment() -> None:
    wo = work_order()
    label = label_data_for(wo, Shipment(carrier="KYE"), CENTER)
    assert label.cod_amount is None and label.tracking_number == "" and label.serials == ()
    render_label_pdf(label)


def test_report_with_findings_diagnosis_repairs_and_charges(tmp_path: Path) -> None:
    wo = work_order()
    quote = Quote(unit_id=1, version=1, currency="CNY", lines=[
        QuoteLine(position=1, kind="part", description="风扇 Fan", quantity=Decimal("2"),
                  unit_price=Decimal("45.00"), discount_percent=Decimal("0"),
                  tax_percent=Decimal("13"))])
    report = report_data_for(
        wo, CENTER,
        findings={1: [Finding(test_name="电源 PSU", result="fail", value="10.1", measure_unit="V",
                              lower_limit=Decimal("11.500000"), upper_limit=Decimal("13.5"))]},
        diagnoses={1: Diagnosis(cause="component", decision="not_covered",
                                explanation="超过保修期 Expired on 2025-01-01",
                                override_decision="covered", override_reason="客户关系 goodwill")},
        repairs={1: [RepairAction(description="更换风扇", quantity=2,
                                  part=Part(number="P-1", name="Fan", price=Decimal("45")))]},
        quotes={1: quote}, intakes={3: ParcelIntake(id=3, station="B1", condition="箱子破损")},
        technician="王工", date=dt.date(2025, 10, 9), language="zh_CN")
    first = report.units[0]
    assert first.findings[0].limits == "11.5 – 13.5" and first.findings[0].result == "不通过"
    assert first.warranty_decision.startswith("保修范围内")  # the override counts
    assert "主管更改：客户关系 goodwill" in first.warranty_explanation
    assert first.intake_condition == "箱子破损" and report.units[2].intake_condition == ""
    assert first.repairs[0].part == "P-1 Fan"
    assert report.charges_total == Decimal("101.70")
    assert report.units[1].findings == () and report.units[1].warranty_decision == ""
    pdf = render_report_pdf(report)
    text = all_text(pdf)
    assert "¥101.70" in text and "箱子破损" in text and "SN0003" in text
    assert all({t for _, t in p} == {"RB-2025-000007"} for p in decoded_pages(pdf, tmp_path))


def test_report_with_nothing_but_the_work_order() -> None:
    report = report_data_for(work_order(), CENTER)
    assert report.charges == () and report.date is None
    assert "SN0001" in all_text(render_report_pdf(report))


def test_limits_text() -> None:
    assert limits_text(None, None) == ""
    assert limits_text(Decimal("10.000000"), None) == "≥ 10"
    assert limits_text(None, Decimal("100")) == "≤ 100"


def test_quote_from_model() -> None:
    wo = work_order()
    quote = Quote(version=3, currency="CNY", valid_until=None, lines=[
        QuoteLine(position=1, kind="labour", description="工时", quantity=Decimal("1.5"),
                  unit_price=Decimal("80.00"), discount_percent=Decimal("10"),
                  tax_percent=Decimal("6"))])
    data = quote_data_for(quote, wo.units[0], CENTER)
    assert data.lines[0].line_total == Decimal("108.00") and data.tax == Decimal("6.48")
    assert data.serial == "SN0001" and data.version == 3
    assert "CNY114.48" in all_text(render_quote_pdf(data))


def test_intake_slip_from_model() -> None:
    wo = work_order()
    intake = ParcelIntake(id=3, station="Bench 2", condition="完好 intact",
                          opened_at=dt.datetime(2025, 9, 30, 6, 5, tzinfo=dt.UTC),
                          tracking_number="SF100")
    slip = intake_slip_data_for(intake, wo, CENTER, tz=ZoneInfo("Asia/Shanghai"), language="zh_TW")
    assert [u.serial for u in slip.units_received] == ["SN0001", "SN0002"]
    assert [u.serial for u in slip.units_missing] == ["SN0003"]
    assert slip.received_at is not None and slip.received_at.hour == 14
    assert "2025年9月30日14:05" in all_text(render_intake_slip_pdf(slip))


def test_refusal_slip_from_model_speaks_plainly() -> None:
    intake = ParcelIntake(station="Bench 1", carrier="ZTO", tracking_number="ZT1",
                          reasons=["no_work_order", "no_work_order", "箱内有液体"], opened_at=None)
    scans = [Scan(raw="RB-2099-1", verdict="reject", reasons=["unknown_work_order"], message=""),
             Scan(raw="SN-X", verdict="reject", reasons=[], message="序列号不在任何工单上")]
    slip = refusal_slip_data_for(intake, scans, CENTER, language="zh_CN")
    assert slip.reasons == ("没有对应的工单。", "箱内有液体")
    assert slip.scans[0].reason == "没有对应的工单。"
    assert slip.sender is None and slip.received_at is None
    text = all_text(render_refusal_slip_pdf(slip))
    assert "没有对应的工单" in text and "序列号不在任何工单上" in text
    english = refusal_slip_data_for(intake, scans, CENTER)
    assert english.reasons == ("No work order matches this parcel.", "箱内有液体")
    assert "Noworkordermatchesthisparcel" in all_text(render_refusal_slip_pdf(english))


@pytest.mark.parametrize("language", ["en", "zh_CN", "zh_TW"])
def test_every_reason_the_bench_records_prints_in_the_customers_words(language: str) -> None:
    from core.intake_rules import Reason
    from reports.from_models import reason_text

    for reason in Reason:
        printed = reason_text(reason.value, language)
        # A catalogue sentence, not the code made readable ("work order incomplete").
        assert printed != reason.value.replace("_", " "), (reason, language)
        assert printed.endswith(("。", ".")), (reason, language, printed)
