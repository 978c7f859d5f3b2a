"""The slip that goes on a closed parcel: the intake slip, or the refusal slip (rule S3).

PDF for now (the labels issue adds printers). Built in a background operation: plain data in
(the parcel id), PDF bytes out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from core import center
from core.errors import UserError
from core.services import intake
from core.unit_of_work import Actor, Database
from reports.from_models import (
    center_info_from,
    document_language_for,
    intake_slip_data_for,
    refusal_slip_data_for,
)


@dataclass(frozen=True)
class Slip:
    """A rendered slip and a file name to offer for it."""

    kind: str  # intake / refusal
    file_name: str
    pdf: bytes


def render_slip(database: Database, actor: Actor, intake_id: int, tz: dt.tzinfo | None) -> Slip:
    """The intake slip of an accepted parcel, or the refusal slip of a refused one."""
    # reportlab takes a good part of a second to import: paid at the first slip, not at start.
    from reports.pdf_slips import render_intake_slip_pdf, render_refusal_slip_pdf

    with database.uow(actor) as uow:
        try:
            parcel = intake.get_parcel(uow, intake_id)
        except UserError as exc:
            raise LookupError(str(exc)) from exc
        settings = center.load(uow)
        info = center_info_from(settings)
        wo = parcel.work_order
        # The customer's language (else the center's), not the bench screen's.
        language = document_language_for(wo.customer if wo is not None else None, settings)
        if parcel.verdict == "refused" or wo is None:
            scans = intake.parcel_scans(uow, intake_id)
            data = refusal_slip_data_for(parcel, scans, info, tz=tz, language=language)
            return Slip("refusal", f"refusal-slip-parcel-{intake_id}.pdf",
                        render_refusal_slip_pdf(data))
        data = intake_slip_data_for(parcel, wo, info, tz=tz, language=language)
        return Slip("intake", f"intake-slip-{wo.number}-parcel-{intake_id}.pdf",
                    render_intake_slip_pdf(data))
