"""What the shipping desk prints speaks the customer's language, not the screen's."""

from __future__ import annotations

import pytest
from core import center
from core.unit_of_work import Actor, Database
from tests.core.test_customer_language import customer_speaks
from tests.core.test_shipping import CLERK, stock
from tests.reports.pdftools import all_text
from tests.ui.test_translations import language  # noqa: F401  (fixture)
from ui import i18n
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
