"""The Admin workspace: center settings, policies and the product catalogue."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.main_window import MainWindow


def _create(window: MainWindow) -> QWidget:
    from ui.admin.workspace import AdminWorkspace

    return AdminWorkspace(window.database, window.actor)


def register() -> None:
    from ui.main_window import WORKSPACES

    if not any(title == "Admin" for title, _ in WORKSPACES):
        WORKSPACES.append(("Admin", _create))
