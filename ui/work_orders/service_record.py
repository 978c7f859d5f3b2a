"""The service record of one work order (rule I2), as a window."""

from __future__ import annotations

from html import escape
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from core import center
from core.errors import UserError
from core.services import service_record
from core.services.service_record import ServiceRecord
from core.unit_of_work import Database


def record_html(record: ServiceRecord, tz: ZoneInfo) -> str:
    e = escape
    units = "".join(
        f"<tr><td>{e(u.serial)}</td><td>{e(u.model)}</td><td>{e(u.product)}</td>"
        f"<td>{e(u.status)}</td><td>{e(u.received_at)}</td><td>{e(u.shipped_at)}</td>"
        f"<td>{e(u.decision)}<br><small>{e(u.explanation)}</small></td></tr>"
        for u in record.units)
    events = "".join(
        f"<tr><td>{e(center.local_time(ev.at, tz))}</td><td>{e(ev.who)}</td>"
        f"<td>{e(ev.station)}</td><td>{e(ev.what)}</td></tr>" for ev in record.events)
    address = "<br>".join(e(line) for line in record.address_lines if line)
    return f"""
<h2>{e(record.number)} <small>({e(record.status)})</small></h2>
<p><b>Order number:</b> {e(record.order_number or '-')} &nbsp; <b>Submitted:</b>
{e(record.submitted_at or '-')} &nbsp; <b>Service:</b> {e(record.service_type)}
{(' &nbsp; <b>Priority:</b> ' + e(record.priority)) if record.priority else ''}</p>
<p><b>Customer:</b> {e(record.customer)} {('(' + e(record.company) + ')') if record.company else ''}
<br><b>Phone:</b> {e(record.phone or '-')} &nbsp; <b>Email:</b> {e(record.email or '-')}</p>
<p><b>Return address:</b><br>{address}</p>
<p><b>Fault:</b> {e(record.fault_description or '-')}</p>
<h3>Units ({len(record.units)})</h3>
<table border="1" cellspacing="0" cellpadding="3">
<tr><th>Serial</th><th>Model</th><th>Product</th><th>Status</th><th>Received</th><th>Shipped</th>
<th>Warranty</th></tr>
{units}</table>
<h3>History</h3>
<table border="1" cellspacing="0" cellpadding="3">
<tr><th>When</th><th>Who</th><th>Station</th><th>What</th></tr>{events or '<tr><td colspan=4>nothing yet</td></tr>'}
</table>"""


class ServiceRecordDialog(QDialog):
    def __init__(self, database: Database, number: str, tz: ZoneInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Service record {0}").format(number))
        self.resize(900, 700)
        self.view = QTextBrowser()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        try:
            with database.uow() as uow:
                record = service_record.load(uow, number)
            self.view.setHtml(record_html(record, tz))
        except UserError as exc:
            self.view.setPlainText(str(exc))
