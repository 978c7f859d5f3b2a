"""The main window: it only assembles the workspaces, one per role."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from core import db
from core.unit_of_work import Actor, Database
from ui.work_orders.browser import WorkOrderBrowser

# Later workspaces register a factory here: (title, factory(window) -> widget).
WorkspaceFactory = Callable[["MainWindow"], QWidget]
WORKSPACES: list[tuple[str, WorkspaceFactory]] = []


class MainWindow(QMainWindow):
    def __init__(self, database: Database, url: str, actor: Actor, timezone: ZoneInfo) -> None:
        super().__init__()
        self.database = database
        self.actor = actor
        self.timezone = timezone
        self.setWindowTitle("RepairBench")
        self.resize(1280, 800)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.workspaces: dict[str, QWidget] = {}
        self.browser = WorkOrderBrowser(database, timezone)
        # Role workspaces first, the browser, then Admin last: the order of a working day.
        for title, factory in WORKSPACES:
            if title == "Admin":
                continue
            self.add_workspace(title, factory(self))
        self.add_workspace(self.tr("Work orders"), self.browser)
        for title, factory in WORKSPACES:
            if title == "Admin":
                self.add_workspace(title, factory(self))

        self.db_label = QLabel(self.tr("Database: {0}").format(db.describe(url)))
        self.station_label = QLabel(self.tr("Station: {0}   User: {1}").format(
            actor.station, actor.username))
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.station_label)
        self._build_menu()
        self._restore_layout()

    def add_workspace(self, title: str, widget: QWidget) -> None:
        self.workspaces[title] = widget
        index = self.tabs.addTab(widget, title)
        if index < 9:
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.tabs.setCurrentIndex(i))
            self.addAction(action)

    def _build_menu(self) -> None:
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = help_menu.addAction(self.tr("&About RepairBench"))
        about.triggered.connect(self._about)

    def _about(self) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("repairbench")
        except PackageNotFoundError:
            number = "development"
        QMessageBox.about(self, self.tr("About RepairBench"), self.tr(
            "RepairBench {0}\nIntake and repair desk for a hardware repair center.\n\n{1}").format(
                number, self.db_label.text()))

    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        QSettings().setValue("window/geometry", self.saveGeometry())
        super().closeEvent(event)
