"""The documents a shipping clerk prints for a work order: its parcels' labels, its repair report,
and the slip of the parcel its units came in.

Each is rendered from the database in one read-only unit of work into PDF bytes; nothing here
prints or marks anything (see `ui.shipping.print_run`).
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core import center
from core.errors import UserError
from core.services import shipping
from core.unit_of_work import Actor, Database
from reports.data import LabelData
from reports.from_models import (
    center_info_from,
    document_language_for,
    label_data_for,
    report_data_for,
)
from reports.pdf_common import PageSize
from reports.pdf_label import LABEL_SIZE, render_labels_pdf
from reports.pdf_report import render_report_pdf
from ui.intake.slips import render_slip


class Document(enum.StrEnum):
    LABELS = "labels"
    REPORT = "report"
    SLIP = "slip"


# Translated where shown, in the context "Documents".
TITLES: dict[Document, str] = {
    Document.LABELS: QT_TRANSLATE_NOOP("Documents", "Labels of the open parcels"),
    Document.REPORT: QT_TRANSLATE_NOOP("Documents", "Repair report"),
    Document.SLIP: QT_TRANSLATE_NOOP("Documents", "Intake slip"),
}


@dataclass(frozen=True)
class OpenLabels:
    """The labels of a work order's parcels that have not left, with their shipment ids."""

    shipment_ids: list[int] = field(default_factory=list)
    labels: list[LabelData] = field(default_factory=list)


@dataclass(frozen=True)
class RenderedDocument:
    """A document ready to print or save; `shipment_ids` are the parcels whose labels it holds."""

    file_name: str
    pdf: bytes
    shipment_ids: tuple[int, ...] = ()


def open_labels(database: Database, actor: Actor, work_order: str) -> OpenLabels:
    """The labels of the work order's parcels not shipped yet, in the order they were packed."""
    with database.uow(actor) as uow:
        settings = center.load(uow)
        sender = center_info_from(settings)
        wo = shipping.find_work_order(uow, work_order)
        # The customer's language, not the screen's: the label travels to them.
        language = document_language_for(wo.customer, settings)
        found = OpenLabels()
        for parcel in shipping.open_shipments(uow, wo):
            if parcel.shipped:
                continue
            shipment = shipping.get_shipment(uow, parcel.shipment_id)
            found.shipment_ids.append(parcel.shipment_id)
            found.labels.append(label_data_for(wo, shipment, sender, serials=list(parcel.serials),
                                               language=language))
    return found


def require_tracking(labels: OpenLabels) -> None:
    """A label without its waybill number would be useless on the parcel: refuse to print it."""
    if not labels.labels:
        raise UserError(QCoreApplication.translate(
            "Documents", "This work order has no open parcels; pack its units first."))
    missing = [f"{lab.parcel_no}/{lab.parcel_count}" for lab in labels.labels
               if not lab.tracking_number]
    if missing:
        raise UserError(QCoreApplication.translate(
            "Documents", "Scan the waybill of parcel(s) {0} before printing the labels.").format(
            ", ".join(missing)))


def render(database: Database, actor: Actor, document: Document, work_order: str,
           label_size: PageSize = LABEL_SIZE) -> RenderedDocument:
    """The document of the work order as PDF.

    Raises:
        UserError: there is nothing to print yet (no parcels, no waybill, no intake).
    """
    if not work_order:
        raise UserError(QCoreApplication.translate("Documents", "Select a work order first."))
    if document is Document.LABELS:
        found = open_labels(database, actor, work_order)
        require_tracking(found)
        return RenderedDocument(f"labels-{work_order}.pdf",
                                render_labels_pdf(found.labels, page_size=label_size),
                                tuple(found.shipment_ids))
    if document is Document.REPORT:
        return RenderedDocument(f"repair-report-{work_order}.pdf",
                                _repair_report(database, actor, work_order))
    with database.uow(actor) as uow:
        intake_id = shipping.latest_intake_id(uow, work_order)
        tz = center.load(uow).timezone
    if intake_id is None:
        raise UserError(QCoreApplication.translate(
            "Documents", "No parcel of work order {0} was received at intake, so there is no "
                         "intake slip.").format(work_order))
    slip = render_slip(database, actor, intake_id, tz)
    return RenderedDocument(slip.file_name, slip.pdf)


def _repair_report(database: Database, actor: Actor, work_order: str) -> bytes:
    with database.uow(actor) as uow:
        wo = shipping.find_work_order(uow, work_order)
        settings = center.load(uow)
        rows = shipping.report_rows(uow, wo)
        report = report_data_for(
            wo, center_info_from(settings), findings=rows.findings, diagnoses=rows.diagnoses,
            repairs=rows.repairs, quotes=rows.quotes, intakes=rows.intakes,
            date=dt.datetime.now(settings.timezone).date(),
            language=document_language_for(wo.customer, settings))
    return render_report_pdf(report)
