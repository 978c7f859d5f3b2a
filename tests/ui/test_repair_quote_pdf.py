"""The quote PDF from the unit page: rendered in the background, saved where asked, openable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from core.models import AuditEntry, Setting
from core.services import repair, repair_quotes
from core.unit_of_work import Database
from tests.core.test_repair import MINER_TESTS
from tests.reports.pdftools import all_text
from tests.ui.test_repair_workspace import TECH, _received, _workspace


def _quoted(db: Database) -> int:
    """A miner out of warranty (factory date 2024, 12 months) with a saved draft quote."""
    with db.uow() as uow:
        uow.session.add(Setting(key="jasminer.warranty_months", value="12"))
        uow.commit()
    uid = _received(db, factory_date=dt.date(2024, 1, 1))
    with db.uow(TECH) as uow:
        repair.start_diagnosis(uow, uid)
    for name, value in MINER_TESTS:
        with db.uow(TECH) as uow:
            repair.record_finding(uow, uid, name, value)
    with db.uow(TECH) as uow:
        repair.record_diagnosis(uow, uid, "product_defect")
    with db.uow(TECH) as uow:
        repair_quotes.save_quote(uow, uid, [
            repair_quotes.line("part", "Hashboard 3", "1", "1200", "5", "13"),
            repair_quotes.line("labour", "Bench labour", "2", "80")])
    return uid


def test_saved_quote_becomes_a_pdf_with_its_lines_and_total(qtbot, catalogue: Database,  # type: ignore[no-untyped-def]
                                                            tmp_path: Path) -> None:
    _quoted(catalogue)
    ws = _workspace(qtbot, catalogue)
    page = ws.page
    ws.open_serial("JM-1")
    assert [e.text() for e in page.line_edits[0]] == ["part", "Hashboard 3", "1", "1200", "5", "13"]
    target = tmp_path / "quote.pdf"
    opened: list[Path] = []
    page.quote_pdf.open_file = lambda path: opened.append(path) or True
    with qtbot.waitSignal(page.quote_pdf.saved, timeout=10_000):
        page.quote_pdf.save(target)
        # The PDF is rendered in a worker thread; the file is written when it comes back.
        assert not target.exists() and "Rendering" in page.message.text()
    text = all_text(target.read_bytes())
    assert target.read_bytes().startswith(b"%PDF")
    for expected in ("RepairquoteWO-1(v1)", "Hashboard3", "Benchlabour", "CNY1,200.00",
                     "CNY1,448.20", "JM-1"):
        assert expected in text, expected
    assert "saved to" in page.message.text() and "1,448.20" in page.message.text()
    assert page.quote_pdf.open_button.isEnabled()
    page.quote_pdf.open_last()
    assert opened == [target]


def test_no_quote_or_unsaved_lines_say_what_to_do_first(qtbot, catalogue: Database,  # type: ignore[no-untyped-def]
                                                        tmp_path: Path) -> None:
    _received(catalogue)
    ws = _workspace(qtbot, catalogue)
    page = ws.page
    ws.open_serial("JM-1")
    target = tmp_path / "quote.pdf"
    page.quote_pdf.save(target)
    qtbot.waitUntil(lambda: "has no quote yet" in page.message.text(), timeout=5000)
    assert "save the quote" in page.message.text() and not target.exists()
    assert page.quote_pdf.save_button.isEnabled() and not page.quote_pdf.open_button.isEnabled()
    page.line_edits[0][1].setText("Fan")
    page.quote_pdf.save(target)
    assert "not saved" in page.message.text() and not target.exists()


def test_a_folder_that_cannot_be_written_is_reported(qtbot, catalogue: Database,  # type: ignore[no-untyped-def]
                                                     tmp_path: Path) -> None:
    _quoted(catalogue)
    ws = _workspace(qtbot, catalogue)
    ws.open_serial("JM-1")
    target = tmp_path / "missing-folder" / "quote.pdf"
    ws.page.quote_pdf.save(target)
    qtbot.waitUntil(lambda: "Could not save" in ws.page.message.text(), timeout=10_000)
    assert not ws.page.quote_pdf.open_button.isEnabled()
    with catalogue.uow() as uow:  # rendering a document changes nothing
        assert "quote.send" not in uow.session.scalars(select(AuditEntry.action)).all()
