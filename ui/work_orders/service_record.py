"""The service record of one work order (rule I2), as a window."""

from __future__ import annotations

from html import escape
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.errors import UserError
from core.services import service_record
from core.services.service_record import ServiceRecord
from core.unit_of_work import Database
from ui import i18n
from ui.i18n import error_text
from ui.work_orders.states import service_text, state_text


def record_html(record: ServiceRecord, tz: ZoneInfo) -> str:
    e = escape
    units = "".join(
        f"<tr><td>{e(u.serial)}</td><td>{e(u.model)}</td><td>{e(u.product)}</td>"
        f"<td>{e(state_text(u.status))}</td><td>{e(u.received_at)}</td><td>{e(u.shipped_at)}</td>"
        f"<td>{e(u.decision)}<br><small>{e(u.explanation)}</small></td></tr>"
        for u in record.units)
    events = "".join(
        f"<tr><td>{e(i18n.date_time_text(ev.at, tz))}</td><td>{e(ev.who)}</td>"
        f"<td>{e(ev.station)}</td><td>{e(ev.what)}</td></tr>" for ev in record.events)
    address = "<br>".join(e(line) for line in record.address_lines if line)
    nothing = QCoreApplication.translate("ServiceRecord", "nothing yet")
    priority_label = QCoreApplication.translate("ServiceRecord", "Priority:")
    priority = f" &nbsp; <b>{e(priority_label)}</b> {e(record.priority)}" if record.priority else ""
    company = f"({e(record.company)})" if record.company else ""
    # Each label is translated whole, so the lupdate run finds every one of them.
    labels = {
        "order": QCoreApplication.translate("ServiceRecord", "Order number:"),
        "submitted": QCoreApplication.translate("ServiceRecord", "Submitted:"),
        "service": QCoreApplication.translate("ServiceRecord", "Service:"),
        "customer": QCoreApplication.translate("ServiceRecord", "Customer:"),
        "phone": QCoreApplication.translate("ServiceRecord", "Phone:"),
        "email": QCoreApplication.translate("ServiceRecord", "Email:"),
        "address": QCoreApplication.translate("ServiceRecord", "Return address:"),
        "fault": QCoreApplication.translate("ServiceRecord", "Fault:"),
        "units": QCoreApplication.translate("ServiceRecord", "Units ({0})").format(
            i18n.number_text(len(record.units))),
        "history": QCoreApplication.translate("ServiceRecord", "History"),
    }
    columns = [QCoreApplication.translate("ServiceRecord", "Serial"),
               QCoreApplication.translate("ServiceRecord", "Model"),
               QCoreApplication.translate("ServiceRecord", "Product"),
               QCoreApplication.translate("ServiceRecord", "Status"),
               QCoreApplication.translate("ServiceRecord", "Received"),
               QCoreApplication.translate("ServiceRecord", "Shipped"),
               QCoreApplication.translate("ServiceRecord", "Warranty")]
    history = [QCoreApplication.translate("ServiceRecord", "When"),
               QCoreApplication.translate("ServiceRecord", "Who"),
               QCoreApplication.translate("ServiceRecord", "Station"),
               QCoreApplication.translate("ServiceRecord", "What")]
    b = {key: e(text) for key, text in labels.items()}
    unit_head = "".join(f"<th>{e(c)}</th>" for c in columns)
    history_head = "".join(f"<th>{e(c)}</th>" for c in history)
    return f"""
<h2>{e(record.number)} <small>({e(state_text(record.status))})</small></h2>
<p><b>{b['order']}</b> {e(record.order_number or '-')} &nbsp; <b>{b['submitted']}</b>
{e(record.submitted_at or '-')} &nbsp; <b>{b['service']}</b> {e(service_text(record.service_type))}
{priority}</p>
<p><b>{b['customer']}</b> {e(record.customer)} {company}
<br><b>{b['phone']}</b> {e(record.phone or '-')} &nbsp; <b>{b['email']}</b> {e(record.email or '-')}</p>
<p><b>{b['address']}</b><br>{address}</p>
<p><b>{b['fault']}</b> {e(record.fault_description or '-')}</p>
<h3>{b['units']}</h3>
<table border="1" cellspacing="0" cellpadding="3">
<tr>{unit_head}</tr>
{units}</table>
<h3>{b['history']}</h3>
<table border="1" cellspacing="0" cellpadding="3">
<tr>{history_head}</tr>{events or f'<tr><td colspan=4>{e(nothing)}</td></tr>'}
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
            self.view.setPlainText(error_text(exc))
