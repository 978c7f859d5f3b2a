"""A stored scan reads in the reader's language: a retried scan at a Chinese station, the refusal
slip in the customer's language; scans stored before their words were kept read in English."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select, text

from core import center
from core.intake_rules import stored_text
from core.models import Customer, Scan
from core.services import intake, work_orders
from core.services.intake import ScanOutcome
from core.unit_of_work import Actor, Database
from reports.data import RefusalSlipData
from reports.from_models import (
    center_info_from,
    document_language_for,
    refusal_slip_data_for,
)
from tests.core.test_work_order_import import HEADER, row
from tests.reports.pdftools import all_text
from ui.intake.slips import render_slip

BENCH = Actor(username="ann", station="bench-1", roles=frozenset({"intake"}))
# What SN-3, which belongs to WO-2, is refused for when scanned in a parcel of WO-1.
CHINESE_REASON = "序列号 SN-3 不在工单 WO-1 上。它属于未结工单 WO-2。"
ENGLISH_REASON = "Serial SN-3 is not on work order WO-1. It belongs to open work order WO-2."


@pytest.fixture
def bench(catalogue: Database) -> Database:
    csv = HEADER + row(wo="WO-1", serial="SN-1") + row(wo="WO-2", serial="SN-3")
    with catalogue.uow() as uow:
        work_orders.import_work_orders(uow, csv.encode(), "wo.csv")
    return catalogue


def scan(database: Database, raw: str, parcel: int | None, client_id: str) -> ScanOutcome:
    with database.uow(BENCH) as uow:
        return intake.scan(uow, raw, parcel, client_scan_id=client_id)


def refused_parcel(database: Database, language: str) -> tuple[int, str]:
    """A parcel of WO-1 (whose customer reads `language`) holding only SN-3, closed and so
    refused; (its id, the client id of the SN-3 scan)."""
    with database.uow() as uow:
        customer = work_orders.get_work_order(uow, "WO-1").customer
        uow.session.get(Customer, customer.id).language = language
        uow.commit()
    parcel = scan(database, "WO-1", None, str(uuid.uuid4())).intake_id
    client_id = str(uuid.uuid4())
    assert scan(database, "SN-3", parcel, client_id).reasons == [
        "not_on_work_order", "belongs_to:WO-2"]
    with database.uow(BENCH) as uow:
        assert intake.close_parcel(uow, parcel).verdict == "refused"
    return parcel, client_id


def slip_data(database: Database, parcel: int) -> RefusalSlipData:
    with database.read(BENCH) as uow:
        found = intake.get_parcel(uow, parcel)
        settings = center.load(uow)
        language = document_language_for(found.work_order.customer, settings)
        return refusal_slip_data_for(found, intake.parcel_scans(uow, parcel),
                                     center_info_from(settings), language=language)


def forget_words(database: Database, client_id: str) -> None:
    """Make the scan look stored before schema 0008 (a database NULL, not JSON null)."""
    with database.uow() as uow:
        uow.session.execute(text("UPDATE scan SET wording = NULL WHERE client_scan_id = :id"),
                            {"id": client_id})
        uow.commit()


def test_a_retried_rejection_reads_in_the_stations_language(bench: Database) -> None:
    parcel = scan(bench, "WO-1", None, str(uuid.uuid4())).intake_id
    client_id = str(uuid.uuid4())
    first = scan(bench, "SN-3", parcel, client_id)
    again = scan(bench, "SN-3", parcel, client_id)  # the station's retry: the stored verdict
    assert (again.scan_id, again.verdict, again.reasons) == (
        first.scan_id, "rejected", ["not_on_work_order", "belongs_to:WO-2"])
    assert again.text("zh_CN") == CHINESE_REASON
    assert again.text("en") == again.message == first.message == ENGLISH_REASON
    with bench.uow() as uow:
        assert len(uow.session.scalars(select(Scan).where(Scan.raw == "SN-3")).all()) == 1


def test_a_retried_scan_stored_without_words_reads_its_english(bench: Database) -> None:
    parcel = scan(bench, "WO-1", None, str(uuid.uuid4())).intake_id
    client_id = str(uuid.uuid4())
    scan(bench, "SN-3", parcel, client_id)
    forget_words(bench, client_id)
    again = scan(bench, "SN-3", parcel, client_id)
    assert again.text("zh_CN") == again.message == ENGLISH_REASON


def test_a_retried_scan_whose_words_are_gone_reads_its_english(bench: Database) -> None:
    parcel = scan(bench, "WO-1", None, str(uuid.uuid4())).intake_id
    client_id = str(uuid.uuid4())
    scan(bench, "SN-3", parcel, client_id)
    with bench.uow() as uow:
        stored = uow.session.scalars(select(Scan).where(Scan.client_scan_id == client_id)).one()
        stored.wording = [{"key": "reason.retired_long_ago", "params": {"serial": "SN-3"}}]
        uow.commit()
    again = scan(bench, "SN-3", parcel, client_id)
    assert again.text("zh_CN") == again.text("en") == ENGLISH_REASON


def test_refusal_slip_prints_each_scans_reason_in_the_customers_language(
        bench: Database) -> None:
    parcel, _ = refused_parcel(bench, "zh_CN")
    slip = slip_data(bench, parcel)
    assert slip.language == "zh_CN"
    assert [(s.verdict, s.reason) for s in slip.scans] == [
        ("提示", "工单 WO-1（Ann Lee）：请扫描设备，共 1 台，尚有 1 台未到。"),
        ("拒收", CHINESE_REASON)]
    assert slip.reasons == ("设备序列号不在工单上。",)  # the parcel's, from the scans' codes
    pdf = render_slip(bench, BENCH, parcel, None)
    assert pdf.kind == "refusal"
    printed = all_text(pdf.pdf)
    assert "".join(CHINESE_REASON.split()) in printed
    assert "设备序列号不在工单上。" in printed
    assert "notonworkorder" not in printed.lower() and "rejected" not in printed.lower()


def test_english_refusal_slip_keeps_the_english_stored(bench: Database) -> None:
    parcel, _ = refused_parcel(bench, "en")
    slip = slip_data(bench, parcel)
    assert [(s.verdict, s.reason) for s in slip.scans][1] == ("REJECTED", ENGLISH_REASON)


def test_refusal_slip_prints_a_scan_stored_without_words_in_english(bench: Database) -> None:
    parcel, client_id = refused_parcel(bench, "zh_CN")
    forget_words(bench, client_id)
    slip = slip_data(bench, parcel)
    assert slip.scans[1].reason == ENGLISH_REASON
    assert slip.scans[0].reason.startswith("工单 WO-1")  # the other scan kept its words


def test_stored_text_of_words_no_longer_in_the_catalogue_is_the_english_stored() -> None:
    gone = [{"key": "reason.retired_long_ago", "params": {}}]
    assert stored_text(gone, "The stored English.", "zh_CN") == "The stored English."
    nested = [{"key": "reason.not_on_work_order", "params": {
        "serial": "SN-3", "number": "WO-1",
        "elsewhere": {"wording": {"key": "reason.gone_too", "params": {}}}}}]
    assert stored_text(nested, "The stored English.", "zh_TW") == "The stored English."
    assert stored_text(None, "The stored English.", "zh_CN") == "The stored English."
