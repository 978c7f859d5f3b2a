"""The intake bench workspace: scan parcels, match them to work orders, refuse what does not match."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.main_window import MainWindow


def register() -> None:
    """Add the intake bench to the main window's workspaces (once, however often called)."""
    from ui import main_window

    if any(title == "Intake" for title, _ in main_window.WORKSPACES):
        return
    main_window.WORKSPACES.append(("Intake", make_workspace))


def make_workspace(window: MainWindow) -> QWidget:
    """The factory the main window calls: a bench for the window's database and technician."""
    from ui.intake.bench import IntakeWorkspace

    return IntakeWorkspace(window.database, window.actor, window.timezone, window)
