"""Starting the desktop program: the Qt application, fonts, language, the main window.

The sign-in window shows first, before anything heavy is loaded; the database opens behind it
(ui.start) and the main window follows the password.
"""

from __future__ import annotations

import gc
import logging
import socket
import sys
from collections.abc import Callable
from importlib import resources
from typing import TYPE_CHECKING

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from ui import i18n
from ui.garbage import collect_on_main_thread
from ui.start import Opened, StartWindow, open_in_background

if TYPE_CHECKING:
    from core.unit_of_work import Actor, Database

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
    collect_on_main_thread(app)
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


# What the signed-in desk needs first, loaded while the person types the password.
WARM_MODULES = ("ui.main_window", "ui.signin", *WORKSPACE_MODULES)


class Desk:
    """The start window, then the main window once someone has signed in."""

    def __init__(self, open_database: Callable[[], tuple[Database, str]],
                 station: str | None = None) -> None:
        self.start = StartWindow(station or socket.gethostname())
        self.window: QWidget | None = None
        self.start.signed_in.connect(self._enter)
        self.start.show()
        open_in_background(self.start, open_database, WARM_MODULES, register_workspaces)

    def _enter(self, opened: Opened, actor: Actor) -> None:
        from ui.main_window import MainWindow
        from ui.signin import IdleLock

        window = MainWindow(opened.database, opened.url, actor, opened.timezone)
        IdleLock(window, opened.database, actor)  # the window is its parent and keeps it alive
        window.show()
        self.window = window
        self.start.close()

    @property
    def exit_code(self) -> int:
        """2 when the database could not be opened (the reason printed as the commands do)."""
        if self.start.failure is None:
            return 0
        print(f"repairbench: {self.start.failure}", file=sys.stderr)
        return 2


def run_gui(open_database: Callable[[], tuple[Database, str]], station: str | None = None) -> int:
    """Show the desk until it is quit; `open_database` runs in the background."""
    app = application()
    desk = Desk(open_database, station)
    code = app.exec()
    shut_down(app)
    return code or desk.exit_code


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
