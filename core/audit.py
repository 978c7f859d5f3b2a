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

from sqlalchemy import insert, select, text

from core.models import AuditEntry, utcnow
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


def _lock_chain_tail(uow: UnitOfWork) -> str:
    """The last hash, read under a lock so two stations never chain onto the same entry."""
    session = uow.session
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(7263001)"))
    elif dialect in ("mysql", "mariadb"):
        session.execute(text("SELECT id FROM audit_entry ORDER BY id DESC LIMIT 1 FOR UPDATE"))
    # SQLite: BEGIN IMMEDIATE already serialises writers.
    last = session.execute(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).scalar()
    return last or ""


def _json_safe(value: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if value is None else json.loads(_canonical(value))


def record_many(uow: UnitOfWork, changes: Iterable[Change]) -> int:
    """Append changes to the log in the unit of work's transaction; returns how many."""
    actor = uow.actor
    prev = _lock_chain_tail(uow)
    rows = []
    now = utcnow()
    for change in changes:
        row = {
            "at": now, "user_id": actor.user_id, "username": actor.username,
            "station": actor.station, "action": change.action, "entity": change.entity,
            "entity_id": str(change.entity_id), "work_order_id": change.work_order_id,
            "before": _json_safe(change.before), "after": _json_safe(change.after),
        }
        row["prev_hash"] = prev
        row["hash"] = prev = entry_hash(prev, row)
        rows.append(row)
    if rows:
        uow.session.execute(insert(AuditEntry), rows)
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
