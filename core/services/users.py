"""Users, roles and sign-in: argon2 password hashes, administrators manage accounts.

Every change to an account is written to the audit log with before and after, never with a
password or its hash. Sign-in failures are audited too, so guessing leaves a trace.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select, text

from core import audit
from core.audit import Change
from core.errors import NotAllowed, UserError
from core.models import User
from core.permissions import ROLE_NAMES, Role, require
from core.unit_of_work import Actor, UnitOfWork

MIN_PASSWORD_LENGTH = 10
# The passwords people pick first; refusing them costs nothing and stops the laziest guesses.
_COMMON = frozenset({
    "password", "password1", "password123", "1234567890", "0123456789", "qwertyuiop",
    "repairbench", "administrator", "letmein123", "welcome123", "changeme123", "iloveyou12",
})
SIGNIN_FAILED = "Unknown user name or wrong password."
# A PostgreSQL advisory lock key for "create the first administrator" (SQLite serialises writers).
_FIRST_ADMIN_LOCK = 7263002

# The demo database's accounts, documented in the README; a real database has none.
DEMO_PASSWORDS: dict[str, tuple[str, str, Role]] = {
    "ivy": ("Ivy Intake", "demo-intake-1", Role.INTAKE),
    "ray": ("Ray Repair", "demo-repair-1", Role.REPAIR),
    "sam": ("Sam Shipping", "demo-shipping-1", Role.SHIPPING),
    "sue": ("Sue Supervisor", "demo-supervisor-1", Role.SUPERVISOR),
    "ada": ("Ada Admin", "demo-admin-1", Role.ADMINISTRATOR),
}

_hasher = PasswordHasher()
# What an unknown name is checked against, made with the default hasher's parameters: a program
# that signs in once per run (the command line) would otherwise pay for a second argon2 hash.
DEFAULT_DUMMY_HASH = ("$argon2id$v=19$m=65536,t=3,p=4$Ho0guq/uW5ad/5d/YP+lWg$"
                      "Z9R+B6qEXJr/ksPLN1SRqk0RX7SVhsCT6n1N2WWdHiM")
_dummy_hash: str | None = DEFAULT_DUMMY_HASH


def set_hasher(hasher: PasswordHasher) -> None:
    """Replace the hasher (tests use cheap parameters; stored hashes carry their own)."""
    global _hasher, _dummy_hash
    _hasher, _dummy_hash = hasher, None


@dataclass(frozen=True)
class UserInfo:
    """An account as screens and commands show it (never the hash)."""

    id: int
    username: str
    display_name: str
    roles: tuple[str, ...]
    active: bool

    def as_audit(self) -> dict[str, Any]:
        return {"username": self.username, "display_name": self.display_name,
                "roles": list(self.roles), "active": self.active}


def _info(user: User) -> UserInfo:
    return UserInfo(user.id, user.username, user.display_name, tuple(sorted(user.roles or [])),
                    bool(user.active))


def check_password_strength(password: str, username: str = "") -> None:
    """Raise `UserError` saying why `password` is too weak to protect an account."""
    if not password or not password.strip():
        raise UserError("The password is empty; choose one of at least "
                        f"{MIN_PASSWORD_LENGTH} characters.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"The password is too short ({len(password)} characters); "
                        f"use at least {MIN_PASSWORD_LENGTH}.")
    if len(password) > 1024:
        raise UserError("The password is too long; use at most 1024 characters.")
    if any(unicodedata.category(ch) == "Cc" for ch in password):
        raise UserError("The password contains control characters; use printable ones only.")
    lowered = password.lower()
    if len(set(password)) < 4 or lowered in _COMMON:
        raise UserError("The password is too easy to guess; mix more different characters.")
    if username and username.lower() in lowered:
        raise UserError("The password must not contain the user name.")


def _clean_username(username: str) -> str:
    name = unicodedata.normalize("NFC", (username or "").strip())
    if not name:
        raise UserError("The user name is empty.")
    if len(name) > 64:
        raise UserError("The user name is too long; use at most 64 characters.")
    if any(ch.isspace() or unicodedata.category(ch)[0] == "C" for ch in name):
        raise UserError(f"The user name {name!r} may not contain spaces or control characters.")
    return name


def _clean_roles(roles: Iterable[str]) -> list[str]:
    chosen = sorted({str(r).strip().lower() for r in roles if str(r).strip()})
    if not chosen:
        raise UserError("Give the user at least one role: "
                        + ", ".join(r.value for r in Role) + ".")
    known = {r.value for r in Role}
    unknown = [r for r in chosen if r not in known]
    if unknown:
        raise UserError(f"Unknown role {unknown[0]!r}; use one of "
                        + ", ".join(f"{r.value} ({ROLE_NAMES[r]})" for r in Role) + ".")
    return chosen


def _get(uow: UnitOfWork, username: str) -> User:
    user = uow.session.scalars(select(User).where(User.username == username)).first()
    if user is None:
        raise UserError(f"There is no user {username!r}.")
    return user


def _active_admins(uow: UnitOfWork) -> list[User]:
    users = uow.session.scalars(select(User).where(User.active.is_(True))).all()
    return [u for u in users if Role.ADMINISTRATOR.value in (u.roles or [])]


def _insert(uow: UnitOfWork, username: str, password: str, roles: Iterable[str],
            display_name: str) -> UserInfo:
    name = _clean_username(username)
    chosen = _clean_roles(roles)
    check_password_strength(password, name)
    taken = uow.session.scalar(select(func.count()).select_from(User)
                               .where(func.lower(User.username) == name.lower()))
    if taken:
        raise UserError(f"There is already a user {name!r}; choose another name.")
    user = User(username=name, display_name=(display_name or name).strip()[:200],
                password_hash=_hasher.hash(password), roles=chosen, active=True)
    uow.session.add(user)
    uow.session.flush()
    info = _info(user)
    audit.record(uow, Change("user.create", "user", str(user.id), None, None, info.as_audit()))
    return info


def create_user(uow: UnitOfWork, username: str, password: str, roles: Iterable[str],
                display_name: str = "") -> UserInfo:
    """Create an account (administrators only) and commit.

    Raises:
        NotAllowed: the actor is not an administrator.
        UserError: the name is taken or invalid, a role is unknown, the password is weak.
    """
    require(uow.actor, Role.ADMINISTRATOR, action="manage users")
    info = _insert(uow, username, password, roles, display_name)
    uow.commit()
    return info


def first_admin_needed(uow: UnitOfWork) -> bool:
    """True while no active administrator exists (a new database): sign-in cannot work yet."""
    return not _active_admins(uow)


def create_first_admin(uow: UnitOfWork, username: str, password: str,
                       display_name: str = "") -> Actor:
    """Create the first administrator of a new database, without signing in, and commit.

    Refused once an administrator exists, so this is no way around sign-in.
    """
    if uow.session.get_bind().dialect.name == "postgresql":
        # Two stations starting together must not both create "the first" administrator.
        uow.session.execute(text(f"SELECT pg_advisory_xact_lock({_FIRST_ADMIN_LOCK})"))
    if not first_admin_needed(uow):
        raise NotAllowed("An administrator exists already; sign in as them to add users.")
    info = _insert(uow, username, password, [Role.ADMINISTRATOR.value], display_name)
    uow.commit()
    return Actor(info.username, uow.actor.station, info.id, frozenset(info.roles))


def _verify(stored: str, password: str) -> bool:
    try:
        return bool(_hasher.verify(stored, password))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def authenticate(uow: UnitOfWork, username: str, password: str,
                 station: str | None = None) -> Actor:
    """The signed-in actor for `username`, or `UserError` with one message for every failure.

    An unknown name costs the same argon2 verification as a wrong password, so the answer's
    timing does not tell which names exist. Success and failure are audited and committed.
    """
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = _hasher.hash("no such user, only here to spend the same time")
    name = unicodedata.normalize("NFC", (username or "").strip())[:64]
    user = uow.session.scalars(select(User).where(User.username == name)).first() if name else None
    ok = _verify(user.password_hash if user else _dummy_hash, password or "")
    where = station or uow.actor.station
    if not ok or user is None:
        _audit_failure(uow, name, where, "wrong password" if user else "unknown user")
        raise UserError(SIGNIN_FAILED)
    if not user.active:
        _audit_failure(uow, name, where, "account deactivated")
        raise NotAllowed(f"The account {user.username!r} is deactivated; ask an administrator.")
    if _hasher.check_needs_rehash(user.password_hash):
        # Stronger parameters since the hash was made: upgrade it while we know the password.
        user.password_hash = _hasher.hash(password)
    actor = Actor(user.username, where, user.id, frozenset(user.roles or []))
    _record_as(uow, actor, Change("user.sign_in", "user", str(user.id), after={"station": where}))
    uow.commit()
    return actor


def _record_as(uow: UnitOfWork, actor: Actor, change: Change) -> None:
    # Sign-in entries name the person signing in, not whoever opened the unit of work.
    opened_by = uow.actor
    uow.actor = actor
    try:
        audit.record(uow, change)
    finally:
        uow.actor = opened_by


def _audit_failure(uow: UnitOfWork, name: str, station: str, why: str) -> None:
    _record_as(uow, Actor(name or "?", station, None, frozenset()),
               Change("user.sign_in_failed", "user", name, after={"station": station, "why": why}))
    uow.commit()


def _keep_an_administrator(uow: UnitOfWork, user: User) -> None:
    """Refuse a change that would leave the database with no active administrator."""
    if user.active and [u.id for u in _active_admins(uow)] == [user.id]:
        raise UserError(f"{user.username} is the last administrator; make another one first.")


def _record_change(uow: UnitOfWork, user: User, action: str, before: UserInfo) -> UserInfo:
    """Audit a user change (before and after, never a password) and commit it."""
    uow.session.flush()
    after = _info(user)
    audit.record(uow, Change(action, "user", str(user.id), None, before.as_audit(),
                             after.as_audit()))
    uow.commit()
    return after


def set_roles(uow: UnitOfWork, username: str, roles: Iterable[str]) -> UserInfo:
    """Replace a user's roles (administrators only); the last administrator keeps the role."""
    require(uow.actor, Role.ADMINISTRATOR, action="manage users")
    user = _get(uow, username)
    before = _info(user)
    chosen = _clean_roles(roles)
    if Role.ADMINISTRATOR.value not in chosen:
        _keep_an_administrator(uow, user)
    user.roles = chosen
    return _record_change(uow, user, "user.roles", before)


def deactivate(uow: UnitOfWork, username: str) -> UserInfo:
    """Stop an account from signing in (administrators only); its history stays."""
    require(uow.actor, Role.ADMINISTRATOR, action="manage users")
    user = _get(uow, username)
    before = _info(user)
    _keep_an_administrator(uow, user)
    user.active = False
    return _record_change(uow, user, "user.deactivate", before)


def change_password(uow: UnitOfWork, username: str, new_password: str,
                    old_password: str | None = None) -> None:
    """Set a new password: an administrator for anyone, a user for themself with the old one."""
    user = _get(uow, username)
    own = uow.actor.user_id is not None and uow.actor.user_id == user.id
    if not (own and old_password is not None):
        require(uow.actor, Role.ADMINISTRATOR, action="change another user's password")
    elif not _verify(user.password_hash, old_password):
        raise UserError("The current password is wrong.")
    check_password_strength(new_password, user.username)
    user.password_hash = _hasher.hash(new_password)
    # What changed is recorded; the password and its hash are not.
    audit.record(uow, Change("user.password", "user", str(user.id), None, None,
                             {"username": user.username, "by_self": own}))
    uow.commit()


def list_users(uow: UnitOfWork) -> list[UserInfo]:
    """Every account, by name (administrators and supervisors)."""
    require(uow.actor, Role.ADMINISTRATOR, Role.SUPERVISOR, action="list users")
    return [_info(u) for u in uow.session.scalars(select(User).order_by(User.username))]


def only_demo_accounts(uow: UnitOfWork) -> bool:
    """True when every account, if any, is a demo account: a new database or a demo one.

    Demo work orders and the demo accounts, whose passwords are published, belong only there.
    """
    for name, roles in uow.session.execute(select(User.username, User.roles)):
        demo = DEMO_PASSWORDS.get(name)
        if demo is None or list(roles or []) != [demo[2].value]:
            return False
    return True


def create_demo_users(uow: UnitOfWork) -> list[UserInfo]:
    """One account per role with the documented demo passwords (`DEMO_PASSWORDS`); demo only.

    Accounts that exist already are left alone, so running the demo twice is harmless.
    """
    require(uow.actor, Role.ADMINISTRATOR, action="create demo users")
    existing = set(uow.session.scalars(select(User.username)))
    made = [_insert(uow, name, password, [role.value], display)
            for name, (display, password, role) in DEMO_PASSWORDS.items() if name not in existing]
    uow.commit()
    return made
