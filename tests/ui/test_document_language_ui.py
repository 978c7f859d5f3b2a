"""What the shipping desk prints speaks the customer's language, not the screen's."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from core import center
from core.models import ParcelIntake, WorkOrder
from core.unit_of_work import Actor, Database
from tests.core.test_customer_language import customer_speaks
from tests.core.test_shipping import CLERK, stock
from tests.reports.pdftools import all_text
from tests.ui.test_translations import language  # noqa: F401  (fixture)
from ui import i18n
from ui.intake.slips import render_slip
from ui.shipping.documents import Document, render

SUPERVISOR = Actor(username="sue", roles=frozenset({"supervisor"}))


def _customer(database: Database, language: str | None) -> None:
    stock(database, {"WO-1": [("SN-A1", "JM-X16-Q")]})
    customer_speaks(database, "WO-1", language)


def _report_text(database: Database) -> str:
    return all_text(render(database, CLERK, Document.REPORT, "WO-1").pdf)


@pytest.mark.parametrize("screen", ["zh_CN", "zh_TW"])
def test_english_customers_report_stays_english_on_a_chinese_screen(
        database: Database, language, screen: str) -> None:  # type: ignore[no-untyped-def]
    _customer(database, "en")
    assert language(screen) == screen and i18n.current_language() == screen
    text = _report_text(database)
    assert "Repairreport" in text and "Returnaddress" in text
    assert "维修报告" not in text and "維修報告" not in text


def test_chinese_customers_report_on_an_english_screen(database: Database,
                                                       language) -> None:  # type: ignore[no-untyped-def]
    _customer(database, "zh_TW")
    assert language("en") == "en"
    text = _report_text(database)
    assert "維修報告" in text and "Repairreport" not in text


def test_customer_without_language_gets_the_centers(database: Database,
                                                    language) -> None:  # type: ignore[no-untyped-def]
    _customer(database, None)
    language("zh_TW")
    assert "Repairreport" in _report_text(database)  # the center's default: English
    with database.uow(SUPERVISOR) as uow:
        center.save(uow, {"center.document_language": "zh_CN"})
    text = _report_text(database)
    assert "维修报告" in text and "維修報告" not in text


def test_intake_and_refusal_slips_speak_the_customers_language(database: Database,
                                                               language) -> None:  # type: ignore[no-untyped-def]
    _customer(database, "zh_TW")
    language("zh_CN")
    with database.uow() as uow:
        wo = uow.session.scalar(select(WorkOrder).where(WorkOrder.number == "WO-1"))
        assert wo is not None
        parcel = ParcelIntake(work_order_id=wo.id, station="bench-1", verdict="accepted",
                              condition="intact")
        uow.session.add(parcel)
        uow.session.flush()
        for unit in wo.units:
            unit.intake_id = parcel.id
        refused = ParcelIntake(work_order_id=wo.id, station="bench-1", verdict="refused",
                               reasons=["work_order_closed"])
        uow.session.add(refused)
        uow.commit()
        parcel_id, refused_id = parcel.id, refused.id
    text = all_text(render(database, CLERK, Document.SLIP, "WO-1").pdf)
    assert "收貨單" in text and "收货单" not in text and "Intakeslip" not in text
    slip = render_slip(database, CLERK, refused_id, None)
    assert slip.kind == "refusal" and "工單已關閉" in all_text(slip.pdf)
    assert render_slip(database, CLERK, parcel_id, None).kind == "intake"
