"""The main window: it only assembles the workspaces, one per role."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox, QTabWidget, QWidget

from core import db
from core.unit_of_work import Actor, Database
from ui.shortcuts import ShortcutsOverlay, collect
from ui.workspace_tabs import LazyWorkspaces

if TYPE_CHECKING:
    from ui.settings.dialog import SettingsDialog
    from ui.work_orders.browser import WorkOrderBrowser

# Later workspaces register a factory here: (title, factory(window) -> widget).
WorkspaceFactory = Callable[["MainWindow"], QWidget]
WORKSPACES: list[tuple[str, WorkspaceFactory]] = []
# Workspaces register under their English title (the key of `MainWindow.workspaces`); their tabs
# show it in the screen's language. Named here so that lupdate finds every title.
WORKSPACE_TITLES = (QT_TRANSLATE_NOOP("Workspaces", "Intake"),
                    QT_TRANSLATE_NOOP("Workspaces", "Repair"),
                    QT_TRANSLATE_NOOP("Workspaces", "Shipping"),
                    QT_TRANSLATE_NOOP("Workspaces", "Dashboard"),
                    QT_TRANSLATE_NOOP("Workspaces", "Work orders"),
                    QT_TRANSLATE_NOOP("Workspaces", "Admin"))


def workspace_title(title: str) -> str:
    """A workspace's title as its tab shows it."""
    return QCoreApplication.translate("Workspaces", title)


class MainWindow(QMainWindow):
    def __init__(self, database: Database, url: str, actor: Actor, timezone: ZoneInfo) -> None:
        super().__init__()
        self.database = database
        self.url = url
        self.actor = actor
        self.timezone = timezone
        self.setWindowTitle("RepairBench")
        self.resize(1280, 800)
        self.overlay: ShortcutsOverlay | None = None
        self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.go_menu = self.menuBar().addMenu(self.tr("&Go"))
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        # Only the tab in view is built now; the others when first opened (see LazyWorkspaces).
        self.workspaces = LazyWorkspaces(self.tabs)
        # Role workspaces first, the browser, then Admin last: the order of a working day.
        for title, factory in WORKSPACES:
            if title != "Admin":
                self.add_workspace(title, lambda f=factory: f(self))
        self.add_workspace("Work orders", self._make_browser)
        for title, factory in WORKSPACES:
            if title == "Admin":
                self.add_workspace(title, lambda f=factory: f(self))

        self.db_label = QLabel(self.tr("Database: {0}").format(db.describe(url)))
        self.station_label = QLabel(self.tr("Station: {0}   User: {1}").format(
            actor.station, actor.username))
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.station_label)
        self._build_menu()
        self._restore_layout()

    def add_workspace(self, title: str, factory: Callable[[], QWidget]) -> None:
        """A tab for the workspace `factory` makes when the tab is first opened."""
        index = self.workspaces.add(title, workspace_title(title), factory)
        if index < 9:
            action = self.go_menu.addAction(self.tr("Go to {0}").format(workspace_title(title)))
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.tabs.setCurrentIndex(i))

    def _make_browser(self) -> QWidget:
        from ui.work_orders.browser import WorkOrderBrowser

        return WorkOrderBrowser(self.database, self.timezone)

    @property
    def browser(self) -> WorkOrderBrowser:
        """The work-order browser, built on first use."""
        return cast("WorkOrderBrowser", self.workspaces["Work orders"])

    def _build_menu(self) -> None:
        # Keys of the whole window; the workspaces' own keys (F9, Ctrl+S...) must not repeat them.
        self._action(self.file_menu, self.tr("&Lock station"), ("Ctrl+L",), self.lock_station)
        self._action(self.file_menu, self.tr("&Quit"), ("Ctrl+Q",), self.close)
        self._action(self.edit_menu, self.tr("&Settings…"), ("Ctrl+,",), self.open_settings)
        self.go_menu.addSeparator()
        self._action(self.go_menu, self.tr("&Find a work order"), ("Ctrl+F",), self.find_work_order)
        self._action(self.help_menu, self.tr("&Keyboard shortcuts"), ("F1", "Ctrl+/"),
                     self.show_shortcuts)
        about = self.help_menu.addAction(self.tr("&About RepairBench"))
        about.triggered.connect(self._about)

    def _action(self, menu: QMenu, text: str, keys: tuple[str, ...],
                slot: Callable[[], object]) -> QAction:
        action = menu.addAction(text)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(lambda _=False: slot())
        return action

    def open_settings(self) -> SettingsDialog:
        """Edit > Settings; the dialog stores everything or nothing when OK is pressed."""
        from ui.settings.dialog import SettingsDialog

        dialog = SettingsDialog(self.database, self.actor, self.url, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._settings_saved)
        dialog.open()
        return dialog

    def _settings_saved(self) -> None:
        for widget in self.workspaces.built():  # the others read the profiles when built
            reload_profiles = getattr(widget, "reload_profiles", None)
            if callable(reload_profiles):  # new printer profiles show at once
                reload_profiles()
        self.statusBar().showMessage(self.tr(
            "Settings saved. The station name, language and database apply the next time "
            "RepairBench starts."), 10_000)

    def show_shortcuts(self) -> ShortcutsOverlay:
        """The list of every key this window answers to, read from the window itself."""
        if self.overlay is not None:
            self.overlay.close()
        self.workspaces.build_all()  # a workspace not yet opened has its keys too
        self.overlay = ShortcutsOverlay(collect(self, self.tabs), self)
        self.overlay.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.overlay.destroyed.connect(self._overlay_gone)
        self.overlay.show()
        return self.overlay

    def _overlay_gone(self) -> None:
        self.overlay = None

    def find_work_order(self) -> None:
        self.tabs.setCurrentWidget(self.browser)
        self.browser.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.browser.search.selectAll()

    def lock_station(self) -> None:
        """Lock now, as the idle lock does after a pause (the same password unlocks)."""
        from ui.signin import IdleLock

        lock = self.findChild(IdleLock) or IdleLock(self, self.database, self.actor, timeout_ms=0)
        lock.lock()

    def _about(self) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("repairbench")
        except PackageNotFoundError:
            number = self.tr("development")
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
