"""Users and roles: argon2 hashes, one message for every failed sign-in, administrators only."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from core import audit
from core.errors import NotAllowed, UserError
from core.models import AuditEntry, User
from core.services import users
from core.unit_of_work import Actor, Database

ADMIN_PW = "correct horse 42"
CLERK = Actor("sam", "ship-1", None, frozenset({"shipping"}))
SUPERVISOR = Actor("sue", "desk", None, frozenset({"supervisor"}))


pytestmark = pytest.mark.usefixtures("cheap_hashes")


@pytest.fixture
def admin(database: Database) -> Actor:
    with database.uow() as uow:
        assert users.first_admin_needed(uow)
        return users.create_first_admin(uow, "root", ADMIN_PW, "The Admin")


def test_first_admin_then_sign_in(database: Database, admin: Actor) -> None:
    assert admin.holds("administrator") and admin.user_id is not None
    with database.uow() as uow:
        assert not users.first_admin_needed(uow)
        with pytest.raises(NotAllowed, match="administrator exists"):
            users.create_first_admin(uow, "sneaky", "another pass 99")
    with database.uow() as uow:
        signed = users.authenticate(uow, "root", ADMIN_PW, station="bench-2")
    assert (signed.username, signed.station, signed.user_id) == ("root", "bench-2", admin.user_id)
    with database.uow() as uow:
        stored = uow.session.scalars(select(User)).one()
        assert stored.password_hash.startswith("$argon2") and ADMIN_PW not in stored.password_hash


def test_unknown_user_and_wrong_password_read_the_same(database: Database, admin: Actor) -> None:
    messages = []
    for name, password in (("root", "wrong password!"), ("nobody", ADMIN_PW), ("", "")):
        with database.uow() as uow, pytest.raises(UserError) as caught:
            users.authenticate(uow, name, password)
        messages.append(str(caught.value))
    assert set(messages) == {users.SIGNIN_FAILED}
    with database.uow() as uow:
        failed = uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "user.sign_in_failed")).all()
        whys = [e.after["why"] for e in failed]
    assert whys == ["wrong password", "unknown user", "unknown user"]


@pytest.mark.parametrize(("password", "why"), [
    ("", "empty"), ("   ", "empty"), ("short1", "too short"), ("aaaaaaaaaaaa", "easy to guess"),
    ("password123", "easy to guess"), ("xx-kim-2026-yy", "user name"), ("tab\there1234", "control"),
])
def test_weak_passwords_are_refused_with_a_reason(database: Database, admin: Actor,
                                                  password: str, why: str) -> None:
    with database.uow(admin) as uow, pytest.raises(UserError, match=why):
        users.create_user(uow, "kim", password, ["intake"])


def test_only_administrators_manage_users(database: Database, admin: Actor) -> None:
    with database.uow(admin) as uow:
        users.create_user(uow, "kim", "blue river 77", ["intake", "repair"], "Kim Li")
    for who in (CLERK, SUPERVISOR):
        with database.uow(who) as uow:
            with pytest.raises(NotAllowed, match="administrator"):
                users.create_user(uow, "eve", "eves own pass 7", ["administrator"])
            with pytest.raises(NotAllowed, match="administrator"):
                users.set_roles(uow, "kim", ["administrator"])
            with pytest.raises(NotAllowed, match="administrator"):
                users.deactivate(uow, "kim")
            with pytest.raises(NotAllowed, match="administrator"):
                users.change_password(uow, "kim", "taken over 1234")
    with database.uow(SUPERVISOR) as uow:
        assert [u.username for u in users.list_users(uow)] == ["kim", "root"]
    with database.uow(CLERK) as uow, pytest.raises(NotAllowed):
        users.list_users(uow)


def test_roles_deactivation_and_audit_without_secrets(database: Database, admin: Actor) -> None:
    with database.uow(admin) as uow:
        users.create_user(uow, "kim", "blue river 77", ["intake"])
    with database.uow(admin) as uow:
        assert users.set_roles(uow, "kim", ["repair", "shipping"]).roles == ("repair", "shipping")
    with database.uow(admin) as uow, pytest.raises(UserError, match="Unknown role 'boss'"):
        users.set_roles(uow, "kim", ["boss"])
    with database.uow() as uow:
        kim = users.authenticate(uow, "kim", "blue river 77")
    assert kim.roles == {"repair", "shipping"}
    with database.uow(kim) as uow:  # a user changes their own password with the old one
        users.change_password(uow, "kim", "green lake 88", old_password="blue river 77")
    with database.uow(admin) as uow:
        users.deactivate(uow, "kim")
    with database.uow() as uow, pytest.raises(NotAllowed, match="deactivated"):
        users.authenticate(uow, "kim", "green lake 88")
    with database.uow() as uow:
        entries = uow.session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        roles = next(e for e in entries if e.action == "user.roles")
        assert roles.before["roles"] == ["intake"] and roles.after["roles"] == ["repair", "shipping"]
        hashes = [u.password_hash for u in uow.session.scalars(select(User))]
        dumped = " ".join(f"{e.before} {e.after}" for e in entries)
        assert not any(h in dumped for h in hashes) and "river" not in dumped and "lake" not in dumped
        assert audit.verify(uow).ok


def test_last_administrator_cannot_be_removed(database: Database, admin: Actor) -> None:
    with database.uow(admin) as uow, pytest.raises(UserError, match="last administrator"):
        users.deactivate(uow, "root")
    with database.uow(admin) as uow, pytest.raises(UserError, match="last administrator"):
        users.set_roles(uow, "root", ["supervisor"])


def test_duplicate_and_bad_names(database: Database, admin: Actor) -> None:
    with database.uow(admin) as uow, pytest.raises(UserError, match="already a user"):
        users.create_user(uow, "ROOT", "some good pass 1", ["intake"])
    with database.uow(admin) as uow, pytest.raises(UserError, match="spaces"):
        users.create_user(uow, "a b", "some good pass 1", ["intake"])


def test_stronger_parameters_rehash_on_sign_in(database: Database, admin: Actor) -> None:
    with database.uow() as uow:
        old = uow.session.scalars(select(User.password_hash)).one()
    users.set_hasher(PasswordHasher(time_cost=2, memory_cost=16, parallelism=1))
    with database.uow() as uow:
        users.authenticate(uow, "root", ADMIN_PW)
    with database.uow() as uow:
        assert uow.session.scalars(select(User.password_hash)).one() != old
    with database.uow() as uow:
        users.authenticate(uow, "root", ADMIN_PW)


def test_demo_users_one_per_role_with_documented_passwords(database: Database) -> None:
    with database.uow() as uow:
        assert {tuple(u.roles) for u in users.create_demo_users(uow)} == {
            ("intake",), ("repair",), ("shipping",), ("supervisor",), ("administrator",)}
    with database.uow() as uow:
        assert users.create_demo_users(uow) == []  # a second demo run adds nothing
    for name, (_display, password, role) in users.DEMO_PASSWORDS.items():
        with database.uow() as uow:
            assert users.authenticate(uow, name, password).roles == {role.value}


def test_a_new_database_has_no_users(database: Database) -> None:
    with database.uow() as uow:
        assert uow.session.scalars(select(User)).all() == []
        assert users.first_admin_needed(uow)


def test_sign_in_and_password_refusals_read_in_chinese(database: Database, admin: Actor) -> None:
    with database.uow() as uow, pytest.raises(UserError) as refused:
        users.authenticate(uow, "nobody", ADMIN_PW)
    assert str(refused.value) == users.SIGNIN_FAILED
    assert refused.value.in_language("zh_CN") == "用户名不存在或密码错误。"
    assert refused.value.in_language("zh_TW") == "使用者名稱不存在或密碼錯誤。"
    with database.uow(admin) as uow, pytest.raises(UserError) as refused:
        users.create_user(uow, "kim", "short1", ["intake"])
    assert refused.value.in_language("zh_CN") == "密码太短（6 个字符）；请至少使用 10 个字符。"
    assert refused.value.in_language("zh_TW") == "密碼太短（6 個字元）；請至少使用 10 個字元。"


def test_an_unknown_role_lists_the_roles_in_the_screen_language(database: Database,
                                                                admin: Actor) -> None:
    with database.uow(admin) as uow, pytest.raises(UserError) as refused:
        users.create_user(uow, "kim", "blue river 77", ["boss"])
    assert str(refused.value) == (
        "Unknown role 'boss'; use one of intake (intake technician), repair (repair technician), "
        "shipping (shipping clerk), supervisor (supervisor), administrator (administrator).")
    assert refused.value.in_language("zh_CN").startswith(
        "未知角色 'boss'；请使用以下角色之一：intake（收货技术员）、repair（维修技术员）、")
    assert refused.value.in_language("zh_TW").endswith("administrator（管理員）。")
    with database.uow(admin) as uow, pytest.raises(UserError) as refused:
        users.deactivate(uow, "root")
    assert refused.value.in_language("zh_TW") == "root 是最後一位管理員；請先指定另一位管理員。"
