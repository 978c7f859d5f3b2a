"""Checkpoints kept outside the database catch a history that was rewritten and hashed again.

The attacker here has the database password: they change an entry with SQL and compute every
hash after it again, so the chain alone verifies as intact. Only the checkpoints notice.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select, text

from core import audit, audit_checkpoints, db
from core.audit import Change
from core.audit_checkpoints import Checkpoint
from core.errors import NotAllowed, UserError
from core.models import AuditEntry
from core.unit_of_work import Actor, Database
from tests.cli.accounts import add_demo_accounts
from tests.cli.test_cli import one_sentence, run

SUPERVISOR = Actor(username="sue", station="office", roles=frozenset({"supervisor"}))
TECHNICIAN = Actor(username="ivy", station="bench-1", roles=frozenset({"intake"}))


def add_entries(database: Database, count: int) -> None:
    with database.uow(SUPERVISOR) as uow:
        for n in range(count):
            audit.record(uow, Change("unit.note", "unit", str(n), after={"note": f"note {n}"}))
        uow.commit()


def take(database: Database) -> Checkpoint:
    with database.uow(SUPERVISOR) as uow:
        return audit_checkpoints.take(uow)


def rewrite_and_rehash(database: Database, entry_id: int, after: str) -> None:
    """What someone with the database password can do: edit an entry, re-chain everything."""
    with database.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entry SET after = :after WHERE id = :id"),
                     {"after": after, "id": entry_id})
    with database.uow() as uow:
        prev, fixed = "", []
        for e in uow.session.scalars(select(AuditEntry).order_by(AuditEntry.id)):
            row = {c: getattr(e, c) for c in ("at", "user_id", "username", "station", "action",
                                              "entity", "entity_id", "work_order_id", "before",
                                              "after")}
            new = audit.entry_hash(prev, row)
            fixed.append({"id": e.id, "prev": prev, "hash": new})
            prev = new
    with database.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entry SET prev_hash = :prev, hash = :hash WHERE id = :id"),
                     fixed)


def test_a_checkpoint_is_the_head_and_reads_back_from_its_line(any_database: Database) -> None:
    add_entries(any_database, 3)
    checkpoint = take(any_database)
    with any_database.uow() as uow:
        head = uow.session.execute(select(AuditEntry.id, AuditEntry.hash, AuditEntry.action,
                                          AuditEntry.username)
                                   .order_by(AuditEntry.id.desc()).limit(1)).one()
    assert (head.action, head.username) == ("audit.checkpoint", "sue")
    assert (checkpoint.entry_id, checkpoint.entry_hash) == (head.id, head.hash)
    (again,) = audit_checkpoints.parse(checkpoint.line())
    assert (again.entry_id, again.entry_hash) == (checkpoint.entry_id, checkpoint.entry_hash)
    assert again.entry_at == checkpoint.entry_at.replace(microsecond=0)
    with any_database.uow() as uow:
        assert audit_checkpoints.check(uow, [again]).ok


def test_rewritten_and_rehashed_history_fails_at_the_first_checkpoint_after_it(
        any_database: Database) -> None:
    add_entries(any_database, 3)
    early = take(any_database)
    add_entries(any_database, 3)
    middle = take(any_database)
    add_entries(any_database, 3)
    late = take(any_database)
    rewrite_and_rehash(any_database, early.entry_id + 2, '{"note": "nothing happened"}')

    with any_database.uow() as uow:
        assert audit.verify(uow).ok  # the chain alone cannot tell
        result = audit_checkpoints.check(uow, [late, early, middle])  # any order in the file
    assert not result.ok and result.checked == 3
    assert result.mismatch == middle and result.last_good == early
    assert f"entry {middle.entry_id} now has the hash" in result.problem


def test_deleting_the_tail_is_caught_too(database: Database) -> None:
    add_entries(database, 4)
    checkpoint = take(database)
    with database.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entry WHERE id >= :id"), {"id": checkpoint.entry_id})
    with database.uow() as uow:
        assert audit.verify(uow).ok
        result = audit_checkpoints.check(uow, [checkpoint])
    assert result.mismatch == checkpoint and "no longer in the log" in result.problem


def test_only_supervisors_and_administrators_take_checkpoints(database: Database) -> None:
    with database.uow(TECHNICIAN) as uow, pytest.raises(NotAllowed, match="supervisor"):
        audit_checkpoints.take(uow)
    with database.uow() as uow:
        assert uow.session.scalar(select(AuditEntry.id)) is None  # nothing recorded


@pytest.mark.parametrize(("content", "message"), [
    ("", "holds no audit checkpoint"),
    ("# only a comment\n\n", "holds no audit checkpoint"),
    ("audit-checkpoint entry=3 hash=abc at=2026-01-01T00:00:00Z taken=2026-01-01T00:00:00Z\n",
     "Line 1"),
    ("# ok\naudit-checkpoint entry=3 hash=" + "a" * 64 + " at=yesterday taken=now\n", "Line 2"),
    ("audit-checkpoint entry=3 hash=" + "a" * 64 + " at=2026-01-01T00:00:00 "
     "taken=2026-01-01T00:00:00Z\n", "no time zone"),
])
def test_a_bad_checkpoint_file_is_refused_clearly(content: str, message: str) -> None:
    with pytest.raises(UserError, match=message):
        audit_checkpoints.parse(content, "cp.txt")


def test_a_refused_checkpoint_file_reads_in_the_screen_language(tmp_path: Path) -> None:
    no_zone = ("audit-checkpoint entry=3 hash=" + "a" * 64 + " at=2026-01-01T00:00:00 "
               "taken=2026-01-01T00:00:00Z\n")
    with pytest.raises(UserError) as refused:
        audit_checkpoints.parse("# ok\n" + no_zone, "cp.txt")
    assert str(refused.value) == ("Line 2 of cp.txt is not an audit checkpoint (no time zone); "
                                  "each line must read as `audit checkpoint` wrote it.")
    assert refused.value.in_language("zh_CN") == (
        "cp.txt第 2 行不是审计检查点（缺少时区）；每一行都必须与 `audit checkpoint` 写入时完全一致。")
    assert refused.value.in_language("zh_TW").startswith("cp.txt第 2 行不是稽核檢查點（缺少時區）")
    with pytest.raises(UserError) as refused:
        audit_checkpoints.parse("")
    assert str(refused.value).startswith("the checkpoint file holds no audit checkpoint")
    assert refused.value.in_language("zh_TW") == (
        "檢查點檔案中沒有稽核檢查點；請用 `audit checkpoint` 建立一個。")
    with pytest.raises(UserError) as refused:
        audit_checkpoints.read_file(tmp_path / "gone.txt")
    assert refused.value.in_language("zh_CN") == f"检查点文件 {tmp_path / 'gone.txt'} 不存在。"


def test_checkpoint_and_verify_on_the_command_line(sqlite_url: str, tmp_path: Path) -> None:
    add_demo_accounts(sqlite_url)
    book = tmp_path / "offsite" / "checkpoints.txt"
    book.parent.mkdir()
    first = run("audit", "checkpoint", "--out", str(book), db=sqlite_url, user="sue")
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("audit-checkpoint entry=") and "Appended to" in first.stderr
    second = run("audit", "checkpoint", "--out", str(book), db=sqlite_url, user="ada")
    assert book.read_text().splitlines() == [first.stdout.strip(), second.stdout.strip()]
    held = run("audit", "verify", "--checkpoint", str(book), db=sqlite_url)  # no sign-in
    assert held.returncode == 0 and "2 recorded checkpoint(s), all on the chain" in held.stdout

    # A technician may not anchor the log; nothing is written anywhere.
    refused = run("audit", "checkpoint", "--out", str(tmp_path / "x.txt"), db=sqlite_url,
                  user="ivy")
    assert refused.returncode == 2 and one_sentence(refused) and "supervisor" in refused.stderr
    assert not (tmp_path / "x.txt").exists()
    missing = run("audit", "verify", "--checkpoint", str(tmp_path / "none.txt"), db=sqlite_url)
    assert missing.returncode == 2 and one_sentence(missing)
    nowhere = run("audit", "checkpoint", "--out", str(tmp_path / "no" / "cp.txt"), db=sqlite_url,
                  user="sue")
    assert nowhere.returncode == 2 and "There is no folder" in nowhere.stderr
    assert run("audit", "verify", "--checkpoint", str(book), db=sqlite_url).returncode == 0

    database = Database(db.make_engine(sqlite_url))
    try:
        # Entry 1 is sue's account being made; give her the administrator role after the fact.
        rewrite_and_rehash(database, 1, '{"roles": ["administrator"], "username": "sue"}')
    finally:
        database.engine.dispose()
    plain = run("audit", "verify", db=sqlite_url)
    assert plain.returncode == 0 and "intact" in plain.stdout  # the chain alone is fooled
    caught = run("audit", "verify", "--checkpoint", str(book), db=sqlite_url)
    assert caught.returncode == 1
    first_entry = first.stdout.split()[1].removeprefix("entry=")
    assert f"REWRITTEN: the checkpoint of entry {first_entry} taken" in caught.stdout
    assert "history rewritten" in caught.stdout


def test_checkpoint_lines_are_stable_text() -> None:
    moment = dt.datetime(2026, 3, 1, 8, 30, 5, 123456, tzinfo=dt.UTC)
    line = Checkpoint(42, "f" * 64, moment, moment).line()
    assert line == ("audit-checkpoint entry=42 hash=" + "f" * 64
                    + " at=2026-03-01T08:30:05Z taken=2026-03-01T08:30:05Z")
