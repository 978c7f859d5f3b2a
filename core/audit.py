"""The append-only, hash-chained audit log.

Each entry's hash covers its content and the previous entry's hash, so a row edited or deleted
outside the program breaks the chain at that point (`verify`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text

from core.models import AuditEntry, utcnow
from core.bulk_insert import insert_rows
from core.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Change:
    """One change to record: what, on which entity, before and after."""

    action: str
    entity: str
    entity_id: str = ""
    work_order_id: int | None = None
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))


def entry_hash(prev_hash: str, row: dict[str, Any]) -> str:
    at: dt.datetime = row["at"]
    payload = _canonical([
        prev_hash, at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f"), row["user_id"],
        row["username"], row["station"], row["action"], row["entity"], row["entity_id"],
        row["work_order_id"], row["before"], row["after"],
    ])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


_TAIL = select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)


def _lock_chain_tail(uow: UnitOfWork) -> str:
    """The last hash, read under a lock so two stations never chain onto the same entry."""
    conn = uow.session.connection()
    dialect = conn.dialect.name
    if dialect == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(7263001)"))
    elif dialect in ("mysql", "mariadb"):
        conn.execute(text("SELECT id FROM audit_entry ORDER BY id DESC LIMIT 1 FOR UPDATE"))
    # SQLite: BEGIN IMMEDIATE already serialises writers.
    return conn.execute(_TAIL).scalar() or ""


_PLAIN = (str, int, float, bool, type(None))


def _is_plain(value: Any) -> bool:
    """Whether JSON would give `value` back unchanged (no dates, enums, tuples, odd keys)."""
    kind = type(value)
    if kind in _PLAIN:
        return kind is not float or value == value  # NaN does not survive
    if kind is list:
        return all(_is_plain(v) for v in value)
    if kind is dict:
        return all(type(k) is str and _is_plain(v) for k, v in value.items())
    return False


def _json_safe(value: dict[str, Any] | None) -> dict[str, Any] | None:
    if value is None or _is_plain(value):
        return value
    return json.loads(_canonical(value))


def _items(values: list[Any]) -> str:
    """The canonical JSON of `values` without its brackets, to splice into a longer list."""
    return _canonical(values)[1:-1]


def record_many(uow: UnitOfWork, changes: Iterable[Change]) -> int:
    """Append changes to the log in the unit of work's transaction; returns how many."""
    actor = uow.actor
    prev = _lock_chain_tail(uow)
    now = utcnow()
    # The hashed payload is `entry_hash`'s list, put together from parts that are the same for
    # every entry and the JSON texts that are also stored: one serialisation per value.
    common = _items([now.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f"), actor.user_id,
                     actor.username, actor.station])
    rows = []
    for change in changes:
        entity_id = str(change.entity_id)
        before = _canonical(_json_safe(change.before))
        after = _canonical(_json_safe(change.after))
        payload = (f"[{_canonical(prev)},{common},"
                   f"{_items([change.action, change.entity, entity_id, change.work_order_id])},"
                   f"{before},{after}]")
        digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()
        rows.append({"at": now, "user_id": actor.user_id, "username": actor.username,
                     "station": actor.station, "action": change.action, "entity": change.entity,
                     "entity_id": entity_id, "work_order_id": change.work_order_id,
                     "before": before, "after": after, "prev_hash": prev, "hash": digest})
        prev = digest
    # Plain executemany, JSON passed as the text just hashed: an import appends 100,000 entries.
    insert_rows(uow.session.connection(), AuditEntry.__table__, rows,
                serialized=frozenset({"before", "after"}))
    return len(rows)


def record(uow: UnitOfWork, change: Change) -> None:
    record_many(uow, [change])


@dataclass(frozen=True)
class VerifyResult:
    entries: int
    broken_at: int | None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify(uow: UnitOfWork, batch: int = 5000) -> VerifyResult:
    """Walk the chain in order; report the first entry whose hash or link does not hold."""
    prev = ""
    count = 0
    last_id = 0
    while True:
        rows = uow.session.execute(
            select(AuditEntry).where(AuditEntry.id > last_id).order_by(AuditEntry.id).limit(batch)
        ).scalars().all()
        if not rows:
            return VerifyResult(count, None)
        for entry in rows:
            if entry.prev_hash != prev:
                # Ids may skip (a rolled-back insert burns one); a deleted entry breaks the link.
                return VerifyResult(count, entry.id,
                                    f"entry {entry.id} does not link to the one before it "
                                    "(an entry was deleted or changed)")
            data = {c: getattr(entry, c) for c in (
                "at", "user_id", "username", "station", "action", "entity", "entity_id",
                "work_order_id", "before", "after")}
            if entry_hash(prev, data) != entry.hash:
                return VerifyResult(count, entry.id, f"entry {entry.id} was changed after it was written")
            prev = entry.hash
            last_id = entry.id
            count += 1
        uow.session.expunge_all()
