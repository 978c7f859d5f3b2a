"""The refusal slip that goes back in a refused parcel (rule S3), to the address it goes to.

Rendered from the database in one read-only unit of work into PDF bytes; printing is the caller's.
"""

from __future__ import annotations

from core import center
from core.services import intake, parcel_returns
from core.unit_of_work import Actor, Database
from reports.data import Address
from reports.from_models import center_info_from, document_language_for, refusal_slip_data_for
from reports.pdf_slips import render_refusal_slip_pdf


def render_refusal_slip(database: Database, actor: Actor, intake_id: int,
                        typed_address: str = "") -> tuple[str, bytes]:
    """(file name, PDF) of the parcel's refusal slip.

    Args:
        typed_address: The sender's address the clerk typed, for a parcel without a known return
            address (no work order matched, or its work order has none); otherwise the work
            order's address is printed and this is ignored.
    """
    with database.read(actor) as uow:
        parcel = intake.get_parcel(uow, intake_id)
        settings = center.load(uow)
        # The return itself is a scan of the parcel too, but not one of the reasons it was refused.
        scans = [s for s in intake.parcel_scans(uow, intake_id)
                 if s.verdict != parcel_returns.RETURNED]
        lines = tuple(ln.strip() for ln in typed_address.splitlines() if ln.strip())
        known = parcel_returns.return_address(uow, intake_id)
        sender = Address(lines=lines) if lines and not known else None
        customer = parcel.work_order.customer if parcel.work_order is not None else None
        data = refusal_slip_data_for(parcel, scans, center_info_from(settings), sender=sender,
                                     tz=settings.timezone,
                                     language=document_language_for(customer, settings))
    return f"refusal-slip-parcel-{intake_id}.pdf", render_refusal_slip_pdf(data)
