"""The repair workspace: queues, the unit page, diagnosis, quotes and repair (issue 5)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.main_window import MainWindow


def register() -> None:
    """Add the repair workspace to the main window's workspaces (once, however often called)."""
    from ui import main_window

    if any(title == "Repair" for title, _ in main_window.WORKSPACES):
        return
    main_window.WORKSPACES.append(("Repair", make_workspace))


def make_workspace(window: MainWindow) -> QWidget:
    from ui.repair.workspace import RepairWorkspace

    return RepairWorkspace(window.database, window.actor, window.timezone, window)
