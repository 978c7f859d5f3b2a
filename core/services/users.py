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

from core import audit, messages
from core.audit import Change
from core.errors import NotAllowed, UserError
from core.models import User
from core.permissions import Role, require
from core.unit_of_work import Actor, UnitOfWork

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024
MAX_USERNAME_LENGTH = 64

messages.add({
    "users.password_empty": {
        "en": "The password is empty; choose one of at least {minimum} characters.",
        "zh_CN": "密码为空；请设置至少 {minimum} 个字符的密码。",
        "zh_TW": "密碼為空；請設定至少 {minimum} 個字元的密碼。",
    },
    "users.password_short": {
        "en": "The password is too short ({length} characters); use at least {minimum}.",
        "zh_CN": "密码太短（{length} 个字符）；请至少使用 {minimum} 个字符。",
        "zh_TW": "密碼太短（{length} 個字元）；請至少使用 {minimum} 個字元。",
    },
    "users.password_long": {
        "en": "The password is too long; use at most {maximum} characters.",
        "zh_CN": "密码太长；最多使用 {maximum} 个字符。",
        "zh_TW": "密碼太長；最多使用 {maximum} 個字元。",
    },
    "users.password_control": {
        "en": "The password contains control characters; use printable ones only.",
        "zh_CN": "密码包含控制字符；请只使用可打印字符。",
        "zh_TW": "密碼包含控制字元；請只使用可列印字元。",
    },
    "users.password_guessable": {
        "en": "The password is too easy to guess; mix more different characters.",
        "zh_CN": "密码太容易被猜到；请混用更多不同的字符。",
        "zh_TW": "密碼太容易被猜到；請混用更多不同的字元。",
    },
    "users.password_has_name": {
        "en": "The password must not contain the user name.",
        "zh_CN": "密码不能包含用户名。",
        "zh_TW": "密碼不能包含使用者名稱。",
    },
    "users.password_wrong": {
        "en": "The current password is wrong.",
        "zh_CN": "当前密码不正确。",
        "zh_TW": "目前的密碼不正確。",
    },
    "users.name_empty": {
        "en": "The user name is empty.",
        "zh_CN": "用户名为空。",
        "zh_TW": "使用者名稱為空。",
    },
    "users.name_long": {
        "en": "The user name is too long; use at most {maximum} characters.",
        "zh_CN": "用户名太长；最多使用 {maximum} 个字符。",
        "zh_TW": "使用者名稱太長；最多使用 {maximum} 個字元。",
    },
    "users.name_characters": {
        "en": "The user name {name!r} may not contain spaces or control characters.",
        "zh_CN": "用户名 {name!r} 不能包含空格或控制字符。",
        "zh_TW": "使用者名稱 {name!r} 不能包含空白或控制字元。",
    },
    "users.name_taken": {
        "en": "There is already a user {name!r}; choose another name.",
        "zh_CN": "已有用户 {name!r}；请换一个用户名。",
        "zh_TW": "已有使用者 {name!r}；請換一個使用者名稱。",
    },
    "users.no_user": {
        "en": "There is no user {name!r}.",
        "zh_CN": "没有用户 {name!r}。",
        "zh_TW": "沒有使用者 {name!r}。",
    },
    "users.no_role": {
        "en": "Give the user at least one role: {roles}.",
        "zh_CN": "请为用户至少指定一个角色：{roles}。",
        "zh_TW": "請為使用者至少指定一個角色：{roles}。",
    },
    "users.unknown_role": {
        "en": "Unknown role {role!r}; use one of {roles}.",
        "zh_CN": "未知角色 {role!r}；请使用以下角色之一：{roles}。",
        "zh_TW": "未知的角色 {role!r}；請使用下列角色之一：{roles}。",
    },
    # A role as the command line takes it, with its name in the message's language.
    "users.role_option": {
        "en": "{code} ({name})",
        "zh_CN": "{code}（{name}）",
        "zh_TW": "{code}（{name}）",
    },
    # A list read in the message's language: "a, b, c" or "a、b、c" (nested for longer lists).
    "users.admin_exists": {
        "en": "An administrator exists already; sign in as them to add users.",
        "zh_CN": "已有管理员；请以管理员账号登录后再添加用户。",
        "zh_TW": "已有管理員；請以管理員帳號登入後再新增使用者。",
    },
    "users.signin_failed": {
        "en": "Unknown user name or wrong password.",
        "zh_CN": "用户名不存在或密码错误。",
        "zh_TW": "使用者名稱不存在或密碼錯誤。",
    },
    "users.deactivated": {
        "en": "The account {name!r} is deactivated; ask an administrator.",
        "zh_CN": "账号 {name!r} 已停用；请联系管理员。",
        "zh_TW": "帳號 {name!r} 已停用；請聯絡管理員。",
    },
    "users.last_admin": {
        "en": "{name} is the last administrator; make another one first.",
        "zh_CN": "{name} 是最后一位管理员；请先指定另一位管理员。",
        "zh_TW": "{name} 是最後一位管理員；請先指定另一位管理員。",
    },
})
# The passwords people pick first; refusing them costs nothing and stops the laziest guesses.
_COMMON = frozenset({
    "password", "password1", "password123", "1234567890", "0123456789", "qwertyuiop",
    "repairbench", "administrator", "letmein123", "welcome123", "changeme123", "iloveyou12",
})
# The one answer to every failed sign-in, in English (what the command line prints).
SIGNIN_FAILED = messages.template("users.signin_failed", messages.DEFAULT_LANGUAGE)
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
        raise UserError.of("users.password_empty", minimum=MIN_PASSWORD_LENGTH)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError.of("users.password_short", length=len(password),
                           minimum=MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        raise UserError.of("users.password_long", maximum=MAX_PASSWORD_LENGTH)
    if any(unicodedata.category(ch) == "Cc" for ch in password):
        raise UserError.of("users.password_control")
    lowered = password.lower()
    if len(set(password)) < 4 or lowered in _COMMON:
        raise UserError.of("users.password_guessable")
    if username and username.lower() in lowered:
        raise UserError.of("users.password_has_name")


def _clean_username(username: str) -> str:
    name = unicodedata.normalize("NFC", (username or "").strip())
    if not name:
        raise UserError.of("users.name_empty")
    if len(name) > MAX_USERNAME_LENGTH:
        raise UserError.of("users.name_long", maximum=MAX_USERNAME_LENGTH)
    if any(ch.isspace() or unicodedata.category(ch)[0] == "C" for ch in name):
        raise UserError.of("users.name_characters", name=name)
    return name


def _clean_roles(roles: Iterable[str]) -> list[str]:
    chosen = sorted({str(r).strip().lower() for r in roles if str(r).strip()})
    if not chosen:
        raise UserError.of("users.no_role", roles=messages.Listed(tuple(r.value for r in Role)))
    known = {r.value for r in Role}
    unknown = [r for r in chosen if r not in known]
    if unknown:
        raise UserError.of("users.unknown_role", role=unknown[0], roles=messages.Listed(tuple(
            messages.Phrase("users.role_option", {"code": r.value,
                                                  "name": messages.Phrase(f"role.{r.value}")})
            for r in Role)))
    return chosen


def _get(uow: UnitOfWork, username: str) -> User:
    user = uow.session.scalars(select(User).where(User.username == username)).first()
    if user is None:
        raise UserError.of("users.no_user", name=username)
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
        raise UserError.of("users.name_taken", name=name)
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
        raise NotAllowed.of("users.admin_exists")
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
    name = unicodedata.normalize("NFC", (username or "").strip())[:MAX_USERNAME_LENGTH]
    user = uow.session.scalars(select(User).where(User.username == name)).first() if name else None
    ok = _verify(user.password_hash if user else _dummy_hash, password or "")
    where = station or uow.actor.station
    if not ok or user is None:
        _audit_failure(uow, name, where, "wrong password" if user else "unknown user")
        raise UserError.of("users.signin_failed")
    if not user.active:
        _audit_failure(uow, name, where, "account deactivated")
        raise NotAllowed.of("users.deactivated", name=user.username)
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
        raise UserError.of("users.last_admin", name=user.username)


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
        raise UserError.of("users.password_wrong")
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
