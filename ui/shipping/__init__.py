"""The shipping workspace: pack ready units, scan waybills, print labels, ship."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.main_window import MainWindow

TITLE = "Shipping"


def _create(window: MainWindow) -> QWidget:
    from ui.shipping.workspace import ShippingWorkspace

    return ShippingWorkspace(window.database, window.actor)


def register() -> None:
    """Add the workspace to the main window's registry (once, however often it is called)."""
    from ui.main_window import WORKSPACES

    if not any(title == TITLE for title, _ in WORKSPACES):
        WORKSPACES.append((TITLE, _create))
