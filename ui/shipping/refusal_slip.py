"""The refusal slip that goes back in a refused parcel (rule S3), to the address it goes to.

Rendered from the database in one read-only unit of work into PDF or ZPL bytes; printing is the
caller's.
"""

from __future__ import annotations

from core import center
from core.services import intake, parcel_returns
from core.unit_of_work import Actor, Database
from reports.data import Address, RefusalSlipData
from reports.from_models import center_info_from, document_language_for, refusal_slip_data_for
from reports.pdf_slips import render_refusal_slip_pdf
from reports.zpl import render_refusal_slip_zpl
from ui.printing.profiles import PrinterProfile


def render_refusal_slip(database: Database, actor: Actor, intake_id: int,
                        typed_address: str = "") -> tuple[str, bytes]:
    """(file name, PDF) of the parcel's refusal slip (`refusal_slip_data` says what it holds)."""
    data = refusal_slip_data(database, actor, intake_id, typed_address)
    return f"refusal-slip-parcel-{intake_id}.pdf", render_refusal_slip_pdf(data)


def render_refusal_slip_zpl_for(database: Database, actor: Actor, intake_id: int,
                                typed_address: str, profile: PrinterProfile) -> bytes:
    """The parcel's refusal slip as ZPL at the label printer's size, resolution and font."""
    return render_refusal_slip_zpl(refusal_slip_data(database, actor, intake_id, typed_address),
                                   dpi=profile.dpi, size_mm=(profile.width_mm, profile.height_mm),
                                   printer_font=profile.cjk_font or None)


def refusal_slip_data(database: Database, actor: Actor, intake_id: int,
                      typed_address: str = "") -> RefusalSlipData:
    """What the parcel's refusal slip says, in the customer's language.

    Args:
        typed_address: The sender's address the clerk typed, for a parcel without a known return
            address (no work order matched, or its work order has none); otherwise the work
            order's address is printed and this is ignored.
    """
    with database.read(actor) as uow:
        parcel = intake.get_parcel(uow, intake_id)
        settings = center.load(uow)
        scans = list(intake.parcel_scans(uow, intake_id))
        lines = tuple(ln.strip() for ln in typed_address.splitlines() if ln.strip())
        known = parcel_returns.return_address(uow, intake_id)
        sender = Address(lines=lines) if lines and not known else None
        customer = parcel.work_order.customer if parcel.work_order is not None else None
        return refusal_slip_data_for(parcel, scans, center_info_from(settings), sender=sender,
                                     tz=settings.timezone,
                                     language=document_language_for(customer, settings))
