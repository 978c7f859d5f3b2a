"""The Dashboard workspace: the center's figures as pictures, for supervisors."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.main_window import MainWindow

TITLE = "Dashboard"


def _create(window: MainWindow) -> QWidget:
    from ui.dashboard.workspace import dashboard_for

    return dashboard_for(window.database, window.actor)


def register() -> None:
    """Add the workspace to the main window's registry (once, however often it is called)."""
    from ui.main_window import WORKSPACES

    if not any(title == TITLE for title, _ in WORKSPACES):
        WORKSPACES.append((TITLE, _create))
