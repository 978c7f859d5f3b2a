"""Starting the desktop program: the Qt application, fonts, language, the main window."""

from __future__ import annotations

import gc
import logging
import socket
import sys
from importlib import resources

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from core import center
from core.unit_of_work import Database
from ui import i18n

log = logging.getLogger(__name__)


def register_fonts() -> None:
    # The bundled CJK font lets the screens show Chinese on machines without CJK fonts.
    font = resources.files("resources") / "fonts" / "wqy-microhei.ttc"
    QFontDatabase.addApplicationFontFromData(font.read_bytes())


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("RepairBench")
    app.setApplicationName("RepairBench")
    register_fonts()
    # Before any window: screens take their words from the translators when they are built.
    i18n.install(app=app)
    return app


WORKSPACE_MODULES = ("ui.intake", "ui.repair", "ui.shipping", "ui.dashboard", "ui.admin")


def register_workspaces() -> None:
    """Add every workspace this installation has to the main window, in the bench's order."""
    import importlib

    for name in WORKSPACE_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register()


def run_gui(database: Database, url: str, station: str | None = None) -> int:
    from ui.main_window import MainWindow

    app = application()
    register_workspaces()
    with database.uow() as uow:
        tz = center.load(uow).timezone
    from ui.signin import IdleLock, sign_in

    actor = sign_in(database, station or socket.gethostname())
    if actor is None:  # the person cancelled the sign-in
        return 0
    window = MainWindow(database, url, actor, tz)
    IdleLock(window, database, actor)  # the window is its parent and keeps it alive
    window.show()
    code = app.exec()
    shut_down(app)
    return code


QUIT_WAIT_MS = 60_000


def shut_down(app: QApplication) -> None:
    """Quit in order: background work finished, widgets deleted, then the application.

    Left to the interpreter's exit, a job still running emits into deleted objects and PySide's
    final garbage collection may delete Qt objects after the application and abort.
    """
    from PySide6.QtCore import QEvent

    from ui.worker import wait_for_background_work

    if not wait_for_background_work(QUIT_WAIT_MS):  # a scan being stored must reach the disk
        log.warning("background work still running %d s after quit", QUIT_WAIT_MS // 1000)
    for widget in app.topLevelWidgets():
        widget.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    gc.collect()
    app.shutdown()
