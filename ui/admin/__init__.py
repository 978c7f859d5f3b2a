"""The Admin workspace: center settings, policies and the product catalogue."""

from __future__ import annotations


def register() -> None:
    from ui.admin.workspace import AdminWorkspace
    from ui.main_window import WORKSPACES

    if not any(title == "Admin" for title, _ in WORKSPACES):
        WORKSPACES.append(("Admin", lambda window: AdminWorkspace(window.database, window.actor)))
