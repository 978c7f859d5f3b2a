"""Every word the repair workspace shows goes through Qt's translation: with a translator that
marks what it translates, no button, tab, choice, queue or column keeps its English."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QTabWidget

from core.unit_of_work import Database
from tests.ui.test_repair_quote_pdf import _quoted
from tests.ui.test_repair_workspace import TECH
from ui.repair.workspace import RepairWorkspace

CONTEXTS = {"UnitPage", "RepairWorkspace", "QueueModel", "EventsPanel", "AttachmentsPanel",
            "QuotePdfBar", "RepairWords", "States"}
WORDS = re.compile(r"[A-Za-z]{2,}")


class Marking(QTranslator):
    """Translates every repair string to itself in ‹ ›, so an unmarked text stands out."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,  # type: ignore[override]
                  n: int = -1) -> str:
        return f"‹{source}›" if context in CONTEXTS else ""


def _untranslated(texts: list[str]) -> list[str]:
    return [t for t in texts if WORDS.search(t) and "‹" not in t]


def test_the_repair_screens_show_no_untranslated_word(qtbot, catalogue: Database) -> None:  # type: ignore[no-untyped-def]
    uid = _quoted(catalogue)
    marking = Marking()
    QCoreApplication.installTranslator(marking)
    try:
        ws = RepairWorkspace(catalogue, TECH, dt.UTC, capture_scans=False)
        qtbot.addWidget(ws)
        ws.page.show_unit(uid)
        page = ws.page
        texts = [page.tabs.tabText(i) for i in range(page.tabs.count())]
        texts += [b.text() for b in ws.findChildren(QPushButton)]
        texts += [ws.queues.item(i).text() for i in range(ws.queues.count())]
        texts += [str(ws.model.headerData(c, Qt.Orientation.Horizontal))
                  for c in range(ws.model.columnCount())]
        for table in (page.intake_files.table, page.finding_files.table):
            texts += [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        combos = [page.cause, page.override_choice, page.channel, page.pay_channel,
                  page.events.kind]
        texts += [c.itemText(i) for c in combos for i in range(c.count())]
        texts += [page.quote_label.text(), page.intake_label.text(),
                  page.events.recorded_label.text()]
        # Form labels and placeholders of every tab.
        texts += [label.text() for tab in page.findChildren(QTabWidget)
                  for label in tab.findChildren(QLabel) if label.buddy() is not None]
        texts += [page.pay_amount.placeholderText(), page.exclusions.placeholderText()]
        assert len(texts) > 60
        assert _untranslated(texts) == []
        assert "‹draft›" in page.quote_label.text()  # a code shown in words
        assert page.cause.currentData() == "product_defect"  # while the code stays behind
    finally:
        QCoreApplication.removeTranslator(marking)
    assert all(isinstance(c, QComboBox) for c in combos)
