"""Who may do what: roles are checked in core services, whatever screen or command calls them."""

from __future__ import annotations

import enum

from core.errors import NotAllowed
from core.unit_of_work import Actor


class Role(enum.StrEnum):
    INTAKE = "intake"
    REPAIR = "repair"
    SHIPPING = "shipping"
    SUPERVISOR = "supervisor"
    ADMINISTRATOR = "administrator"


ROLE_NAMES = {
    Role.INTAKE: "intake technician",
    Role.REPAIR: "repair technician",
    Role.SHIPPING: "shipping clerk",
    Role.SUPERVISOR: "supervisor",
    Role.ADMINISTRATOR: "administrator",
}


def require(actor: Actor, *roles: Role, action: str = "do this") -> None:
    """Raise `NotAllowed` unless the actor holds one of `roles` (a supervisor holds them all,
    except administrator)."""
    held = actor.roles
    if any(role.value in held for role in roles):
        return
    if Role.SUPERVISOR.value in held and Role.ADMINISTRATOR not in roles:
        return
    needed = " or ".join(ROLE_NAMES[r] for r in roles)
    raise NotAllowed(f"{actor.username} may not {action}: it needs the role {needed}. "
                     "Ask a supervisor or sign in with such an account.")
