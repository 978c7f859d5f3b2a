"""The Dashboard workspace: filters on top, five charts below, exports to CSV and PNG.

The figures load in the background (`run_in_background`), so a long period on a large database
never freezes the station; a newer request supersedes an older one still running.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core import center
from core.errors import UserError
from core.permissions import Role
from core.services import dashboard
from core.services.dashboard import Dashboard, DashboardFilter
from core.unit_of_work import Actor, Database
from ui import i18n, worker
from ui.dashboard import export
from ui.dashboard.charts import CHARTS
from ui.i18n import error_text

ROLES = (Role.SUPERVISOR.value, Role.ADMINISTRATOR.value)
# Where each chart sits in the grid: (row, column, row span, column span).
LAYOUT = {"parcels": (0, 0, 1, 2), "states": (0, 2, 1, 1), "turnaround": (1, 0, 1, 1),
          "due": (1, 1, 1, 1), "service_levels": (1, 2, 1, 1)}


def dashboard_for(database: Database, actor: Actor) -> QWidget:
    """The dashboard for a supervisor or administrator, else a page that says who may see it."""
    if any(actor.holds(role) for role in ROLES):
        return DashboardWorkspace(database, actor)
    return RoleRequiredPage()


class RoleRequiredPage(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setText(self.tr("The dashboard needs the supervisor role (or administrator).\n"
                             "Sign in with such an account to see the center's figures."))
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.setFont(font)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class DashboardWorkspace(QWidget):
    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.actor = database, actor
        self.board: Dashboard | None = None
        self.last_error = ""
        self._request = 0
        self._shown_once = False
        with database.read(actor) as uow:
            today = dt.datetime.now(center.load(uow).timezone).date()
            policies = dashboard.policy_codes(uow)
        first = dashboard.default_filter(today)
        self.start = QDateEdit(_qdate(first.start), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.end = QDateEdit(_qdate(first.end), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.policy = QComboBox()
        self.policy.addItem(self.tr("All policies"), None)
        for code, name in policies:
            self.policy.addItem(f"{name} ({code})", code)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        self.png_button = QPushButton(self.tr("Save picture…"))
        self.status = QLabel()
        self.refresh_button.clicked.connect(self.refresh)
        self.csv_button.clicked.connect(lambda: self.export_csv())
        self.png_button.clicked.connect(lambda: self.save_picture())
        bar = QHBoxLayout()
        for label, field in ((self.tr("From"), self.start), (self.tr("to"), self.end),
                             (self.tr("Policy"), self.policy)):
            bar.addWidget(QLabel(label))
            bar.addWidget(field)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.csv_button)
        bar.addWidget(self.png_button)

        self.charts_area = QWidget()
        grid = QGridLayout(self.charts_area)
        grid.setContentsMargins(0, 0, 0, 0)
        self.views: dict[str, QChartView] = {}
        for name, (row, column, rows, columns) in LAYOUT.items():
            view = QChartView()
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumSize(320, 240)
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            save = QAction(self.tr("Save this chart as a picture…"), view)
            save.triggered.connect(lambda _=False, n=name: self.save_picture(chart=n))
            view.addAction(save)
            self.views[name] = view
            grid.addWidget(view, row, column, rows, columns)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.charts_area, 1)
        self._set_exports_enabled(False)

    def filter(self) -> DashboardFilter:
        return DashboardFilter(_date(self.start.date()), _date(self.end.date()),
                               self.policy.currentData())

    def showEvent(self, event: QShowEvent) -> None:
        # Loaded when first looked at, so opening the main window costs no query.
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.refresh()

    def refresh(self) -> None:
        self._request += 1
        request, flt = self._request, self.filter()
        database, actor = self.database, self.actor
        self.status.setText(self.tr("Loading…"))
        self.refresh_button.setEnabled(False)

        def load() -> Dashboard:
            with database.read(actor) as uow:
                return dashboard.load(uow, flt)

        worker.run_in_background(load, lambda board: self._loaded(request, board),
                                 lambda exc: self._failed(request, exc))

    def _loaded(self, request: int, board: Dashboard) -> None:
        if request != self._request:
            return
        self.board = board
        for name, build in CHARTS.items():
            self.views[name].setChart(build(board))
        received, refused = (sum(d.received for d in board.parcels),
                             sum(d.refused for d in board.parcels))
        self.status.setText(self.tr("{0} to {1}: {2} parcels received, {3} refused.").format(
            i18n.date_text(board.filter.start), i18n.date_text(board.filter.end),
            i18n.number_text(received), i18n.number_text(refused)))
        self.last_error = ""
        self.refresh_button.setEnabled(True)
        self._set_exports_enabled(True)

    def _failed(self, request: int, exc: BaseException) -> None:
        if request != self._request:
            return
        self.refresh_button.setEnabled(True)
        message = error_text(exc) if isinstance(exc, UserError) else self.tr(
            "The figures could not be loaded: {0}").format(exc)
        self.last_error = message
        self.status.setText(message)

    def _set_exports_enabled(self, enabled: bool) -> None:
        self.csv_button.setEnabled(enabled)
        self.png_button.setEnabled(enabled)

    def _ask_path(self, caption: str, suggested: str, kind: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, caption, suggested, kind)
        return path or None

    def _suggested(self, what: str, suffix: str) -> str:
        flt = self.board.filter if self.board else self.filter()
        return f"dashboard-{what}-{flt.start}-{flt.end}{suffix}"

    def export_csv(self, path: str | Path | None = None) -> bool:
        """Write the figures on screen as CSV (asks where when no path is given)."""
        if self.board is None:
            return False
        path = path or self._ask_path(self.tr("Export the figures"),
                                      self._suggested("figures", ".csv"), "CSV (*.csv)")
        if not path:
            return False
        return self._try(lambda: export.save_csv(self.board, path),  # type: ignore[arg-type]
                         self.tr("Figures saved to {0}.").format(path))

    def save_picture(self, path: str | Path | None = None, chart: str | None = None) -> bool:
        """Save one chart, or the whole dashboard, as PNG (asks where when no path is given)."""
        if self.board is None:
            return False
        widget: QWidget = self.views[chart] if chart else self.charts_area
        path = path or self._ask_path(self.tr("Save the picture"),
                                      self._suggested(chart or "all", ".png"), "PNG (*.png)")
        if not path:
            return False
        return self._try(lambda: export.save_png(widget, path),  # type: ignore[arg-type]
                         self.tr("Picture saved to {0}.").format(path))

    def _try(self, action: object, done: str) -> bool:
        try:
            action()  # type: ignore[operator]
        except UserError as exc:
            self.last_error = error_text(exc)
            self.status.setText(error_text(exc))
            return False
        self.status.setText(done)
        return True
