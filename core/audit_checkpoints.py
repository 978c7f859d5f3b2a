"""Checkpoints: the audit chain's head, kept outside the database, to anchor its history.

The hash chain alone shows only that the entries agree with one another: whoever can write to
the database can change an entry and compute every hash after it again. A checkpoint is the head
of the chain at one moment (entry id, its hash, its time) written where the database's users
cannot reach it: a file on another machine, a printout in a binder. Each hash covers every entry
before it, so while the entry of a checkpoint still has the recorded hash, nothing up to that
entry was changed, re-hashed or not. Entries after the newest checkpoint are only as safe as the
chain itself; checkpoints taken often keep that window short.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from core import audit, messages
from core.audit import Change
from core.errors import UserError
from core.models import AuditEntry
from core.permissions import Role, require
from core.unit_of_work import UnitOfWork

_LINE = re.compile(r"audit-checkpoint entry=(\d+) hash=([0-9a-f]{64}) at=(\S+) taken=(\S+)")
# Checkpoints are looked up this many at a time; a file of daily ones grows by hundreds a year.
_BATCH = 500

messages.add({
    "checkpoint.the_file": {
        "en": "the checkpoint file",
        "zh_CN": "检查点文件",
        "zh_TW": "檢查點檔案",
    },
    "checkpoint.not_a_line": {
        "en": "not a checkpoint",
        "zh_CN": "不是检查点",
        "zh_TW": "不是檢查點",
    },
    "checkpoint.no_zone": {
        "en": "no time zone",
        "zh_CN": "缺少时区",
        "zh_TW": "缺少時區",
    },
    "checkpoint.bad_line": {
        "en": "Line {number} of {source} is not an audit checkpoint ({problem}); each line must "
              "read as `audit checkpoint` wrote it.",
        "zh_CN": "{source}第 {number} 行不是审计检查点（{problem}）；每一行都必须与 "
                 "`audit checkpoint` 写入时完全一致。",
        "zh_TW": "{source}第 {number} 行不是稽核檢查點（{problem}）；每一行都必須與 "
                 "`audit checkpoint` 寫入時完全一致。",
    },
    "checkpoint.none": {
        "en": "{source} holds no audit checkpoint; take one with `audit checkpoint`.",
        "zh_CN": "{source}中没有审计检查点；请用 `audit checkpoint` 建立一个。",
        "zh_TW": "{source}中沒有稽核檢查點；請用 `audit checkpoint` 建立一個。",
    },
    "checkpoint.no_file": {
        "en": "There is no checkpoint file {path}.",
        "zh_CN": "检查点文件 {path} 不存在。",
        "zh_TW": "檢查點檔案 {path} 不存在。",
    },
    "checkpoint.unreadable": {
        "en": "Cannot read the checkpoint file {path} ({problem}).",
        "zh_CN": "无法读取检查点文件 {path}（{problem}）。",
        "zh_TW": "無法讀取檢查點檔案 {path}（{problem}）。",
    },
    "checkpoint.unwritable": {
        "en": "Cannot write the checkpoint to {path} ({problem}).",
        "zh_CN": "无法将检查点写入 {path}（{problem}）。",
        "zh_TW": "無法將檢查點寫入 {path}（{problem}）。",
    },
})


class _NotACheckpoint(ValueError):
    """A line that does not read as a checkpoint; `phrase` says why in every language."""

    def __init__(self, key: str) -> None:
        super().__init__(messages.text(key, messages.DEFAULT_LANGUAGE))
        self.phrase = messages.Phrase(key)


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Checkpoint:
    """The chain's head at one moment: which entry, its hash, when it was written and taken."""

    entry_id: int
    entry_hash: str
    entry_at: dt.datetime
    taken_at: dt.datetime

    def line(self) -> str:
        """One line of plain text that reads back with `parse` (and can be typed from paper)."""
        return (f"audit-checkpoint entry={self.entry_id} hash={self.entry_hash} "
                f"at={_stamp(self.entry_at)} taken={_stamp(self.taken_at)}")

    def describe(self) -> str:
        return f"the checkpoint of entry {self.entry_id} taken {_stamp(self.taken_at)}"


def _when(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise _NotACheckpoint("checkpoint.no_zone")
    return moment


def parse(text: str, source: str | None = None) -> list[Checkpoint]:
    """Every checkpoint in `text`; blank lines and lines starting with # are skipped.

    Args:
        source: Where the text comes from (a file name); by default "the checkpoint file".

    Raises:
        UserError: a line is not a checkpoint (names the line), or there is none at all.
    """
    named: str | messages.Phrase = (
        source if source is not None else messages.Phrase("checkpoint.the_file"))
    found: list[Checkpoint] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _LINE.fullmatch(line)
        try:
            if match is None:
                raise _NotACheckpoint("checkpoint.not_a_line")
            found.append(Checkpoint(int(match[1]), match[2], _when(match[3]), _when(match[4])))
        except ValueError as exc:
            # A date Python cannot read keeps Python's own words.
            problem = exc.phrase if isinstance(exc, _NotACheckpoint) else str(exc)
            raise UserError.of("checkpoint.bad_line", number=number, source=named,
                               problem=problem) from exc
    if not found:
        raise UserError.of("checkpoint.none", source=named)
    return found


def read_file(path: Path) -> list[Checkpoint]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise UserError.of("checkpoint.no_file", path=str(path)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError.of("checkpoint.unreadable", path=str(path), problem=str(exc)) from exc
    return parse(text, str(path))


def append(path: Path, checkpoint: Checkpoint) -> None:
    """Add the checkpoint to the end of `path`, on disk before this returns."""
    try:
        with path.open("a", encoding="utf-8") as out:
            out.write(checkpoint.line() + "\n")
            out.flush()
            os.fsync(out.fileno())
    except OSError as exc:
        raise UserError.of("checkpoint.unwritable", path=str(path),
                           problem=exc.strerror or str(exc)) from exc


def take(uow: UnitOfWork) -> Checkpoint:
    """Record that a checkpoint is taken, commit, and return the head of the chain.

    The record itself becomes the head, so the log also shows who took each checkpoint and when.
    Supervisors and administrators only: the checkpoint is what an audit later trusts.
    """
    require(uow.actor, Role.SUPERVISOR, Role.ADMINISTRATOR, action="take audit checkpoints")
    audit.record(uow, Change("audit.checkpoint", "audit_entry"))
    uow.commit()
    head = uow.session.execute(select(AuditEntry.id, AuditEntry.hash, AuditEntry.at)
                               .order_by(AuditEntry.id.desc()).limit(1)).one()
    return Checkpoint(head.id, head.hash, head.at, dt.datetime.now(dt.UTC))


@dataclass(frozen=True)
class CheckpointCheck:
    """How the recorded checkpoints compare with the chain in the database.

    Attributes:
        checked: how many checkpoints were compared (duplicates count once).
        last_good: the newest checkpoint that still holds before the first mismatch, if any.
        mismatch: the oldest checkpoint that no longer holds; None when all hold.
        problem: what is wrong with `mismatch`, in words.
    """

    checked: int
    last_good: Checkpoint | None
    mismatch: Checkpoint | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.mismatch is None


def _hashes(uow: UnitOfWork, ids: Sequence[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start:start + _BATCH]
        rows = uow.session.execute(
            select(AuditEntry.id, AuditEntry.hash).where(AuditEntry.id.in_(chunk)))
        found.update((entry_id, entry_hash) for entry_id, entry_hash in rows)
    return found


def check(uow: UnitOfWork, checkpoints: Iterable[Checkpoint]) -> CheckpointCheck:
    """Compare each checkpoint, oldest entry first, with the entry now in the database.

    Read-only. The oldest mismatch is the one reported: history up to the checkpoint before it
    is as recorded, and the change lies between the two.
    """
    unique = sorted({(c.entry_id, c.entry_hash): c for c in checkpoints}.values(),
                    key=lambda c: (c.entry_id, c.taken_at))
    stored = _hashes(uow, sorted({c.entry_id for c in unique}))
    last_good: Checkpoint | None = None
    for checkpoint in unique:
        now = stored.get(checkpoint.entry_id)
        if now == checkpoint.entry_hash:
            last_good = checkpoint
            continue
        if now is None:
            problem = f"entry {checkpoint.entry_id} is no longer in the log (deleted)"
        else:
            problem = (f"entry {checkpoint.entry_id} now has the hash {now[:16]}…, the checkpoint "
                       f"recorded {checkpoint.entry_hash[:16]}… (history rewritten)")
        return CheckpointCheck(len(unique), last_good, checkpoint, problem)
    return CheckpointCheck(len(unique), last_good)
