"""Documents from the Shipping workspace: the print dialog, the preview and Save as PDF, for
labels, the repair report and the intake slip; only printing marks labels printed."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from PySide6.QtPrintSupport import QPrintPreviewWidget

from core.unit_of_work import Database
from tests.reports import samples
from tests.reports.pdftools import decoded_pages
from tests.ui.test_scanner_keyboard import scan
from tests.ui.test_shipping_workspace import (  # noqa: F401 - fixtures
    clock,
    column,
    desk,
    immediate_pool,
    pack,
    printed_in_db,
)
from ui.printing import qt_print
from ui.printing.raw import PrintFailed
from ui.shipping.documents import Document
from ui.shipping.workspace import ShippingWorkspace


def choose(ws: ShippingWorkspace, document: Document) -> None:
    ws.printing.document.setCurrentIndex(ws.printing.document.findData(document))


def pages(path: Path) -> int:
    return len(pypdf.PdfReader(path).pages)


@pytest.fixture
def packed(desk):  # type: ignore[no-untyped-def]
    """WO-1 in two parcels, both with their waybill."""
    ws, answers = desk
    pack(ws, 2)
    scan(ws, "SF1000000000001")
    scan(ws, "SF1000000000002")
    return ws, answers


def test_labels_through_the_print_dialog_are_marked_printed_and_scan(
        packed, catalogue: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ws, answers = packed
    choose(ws, Document.LABELS)
    ws.printing.print_document_button.click()
    assert ws.message.text() == f"2 label(s) sent to {answers.printer_file}."
    assert pages(answers.printer_file) == 2
    codes = {text for page in decoded_pages(answers.printer_file.read_bytes(), tmp_path)
             for _, text in page}
    assert {"SF1000000000001", "SF1000000000002"} <= codes
    assert column(ws, 6) == ["printed"] * 2 and all(printed_in_db(catalogue).values())


def test_closing_the_print_dialog_prints_and_marks_nothing(packed, catalogue: Database) -> None:  # type: ignore[no-untyped-def]
    ws, answers = packed
    answers.printer_file = None
    for document in (Document.LABELS, Document.REPORT):
        choose(ws, document)
        ws.printing.print_document_button.click()
        assert ws.message.text() == "Printing cancelled; nothing was printed."
    ws.profile.setCurrentIndex(ws.profile.count() - 1)  # "Choose a printer (print dialog)"
    ws.print_button.click()
    assert ws.message.text() == "Printing cancelled; nothing was printed."
    assert not any(printed_in_db(catalogue).values())


def test_the_repair_report_prints_on_the_chosen_printer(packed) -> None:  # type: ignore[no-untyped-def]
    ws, answers = packed
    choose(ws, Document.REPORT)
    ws.printing.print_document_button.click()
    assert ws.message.text() == f"Repair report of WO-1 sent to {answers.printer_file}."
    assert pages(answers.printer_file) >= 1


def test_printing_from_the_preview_marks_the_labels_closing_it_does_not(
        packed, catalogue: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ws, answers = packed
    answers.print_from_preview = False
    ws.printing.preview_button.click()
    assert ws.message.text() == "Preview closed; nothing was printed."
    assert pages_of(answers.previewed[-1]) == 2
    assert not any(printed_in_db(catalogue).values())
    answers.print_from_preview = True
    ws.printing.preview_button.click()
    assert ws.message.text() == "Labels of the open parcels of WO-1 printed from the preview."
    assert pages(tmp_path / "preview.pdf") == 2
    assert column(ws, 6) == ["printed"] * 2


def test_a_preview_whose_printer_fails_marks_nothing(packed, catalogue: Database) -> None:  # type: ignore[no-untyped-def]
    ws, answers = packed

    def broken(pdf: bytes, parent: object) -> bool:
        raise PrintFailed("The printer did not accept the job.")

    ws.dialogs.preview = broken  # the printing controls share the workspace's dialogs
    ws.printing.preview_button.click()
    assert ws.message.text() == "Not printed: The printer did not accept the job."
    assert not any(printed_in_db(catalogue).values())


def test_save_as_pdf_writes_the_file_but_is_not_printing(packed, catalogue: Database,  # type: ignore[no-untyped-def]
                                                         tmp_path: Path) -> None:
    ws, answers = packed
    answers.save_to = str(tmp_path / "labels.pdf")
    ws.printing.save_button.click()
    assert pages(tmp_path / "labels.pdf") == 2
    assert "the labels are not marked printed" in ws.message.text()
    assert not any(printed_in_db(catalogue).values())
    choose(ws, Document.REPORT)
    answers.save_to = str(tmp_path / "no-such-folder" / "report.pdf")
    ws.printing.save_button.click()
    assert "could not be saved" in ws.message.text()
    answers.save_to = ""  # the clerk closed the file dialog
    ws.printing.save_button.click()
    assert "could not be saved" in ws.message.text()  # nothing new happened


def test_documents_that_cannot_exist_yet_say_why(desk) -> None:  # type: ignore[no-untyped-def]
    ws, answers = desk
    ws.printing.save_button.click()
    assert ws.message.text() == "Select a work order first (click it or scan its barcode)."
    scan(ws, "WO-1")
    ws.printing.preview_button.click()
    assert ws.message.text() == "This work order has no open parcels; pack its units first."
    pack(ws, 0)
    ws.print_button.click()
    assert ws.message.text() == "Scan the waybill of parcel(s) 1/1 before printing the labels."
    choose(ws, Document.SLIP)
    ws.printing.print_document_button.click()
    assert "was received at intake, so there is no intake slip" in ws.message.text()
    assert answers.previewed == []


def pages_of(pdf: bytes) -> int:
    return qt_print.page_count(pdf)


def test_the_real_preview_dialog_shows_every_label(qtbot) -> None:  # type: ignore[no-untyped-def]
    from reports.pdf_label import render_labels_pdf

    pdf = render_labels_pdf([samples.label("en", parcel_no=n, parcel_count=2) for n in (1, 2)])
    failures: list[BaseException] = []
    dialog = qt_print.preview_dialog(pdf, None, failures=failures)
    qtbot.addWidget(dialog)
    dialog.show()  # not exec(): the test must not block
    view = dialog.findChild(QPrintPreviewWidget)
    view.updatePreview()
    qtbot.waitUntil(lambda: view.pageCount() == 2, timeout=10_000)
    assert failures == []
    dialog.reject()
