"""Exactly once across a lost commit acknowledgement: a retry with the same scan id gets the
verdict already stored, never a second scan or a second receipt.

On PostgreSQL the loss is real: the station talks to the server through a relay that forwards
the COMMIT, lets the server answer, and cuts the connection instead of passing the answer on.
On SQLite (in the station's own process) the commit goes through and the driver's error is
raised before the caller sees the verdict, as a failing disk or a killed thread would.
"""

from __future__ import annotations

import socket
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from core import db
from core.models import Scan, StatusChange, Unit, UnitStatus
from core.services import intake, work_orders
from core.unit_of_work import Actor, Database
from tests.conftest import SAMPLES
from tests.core.test_work_order_import import HEADER, row

BENCH = Actor(username="ann", station="bench-1", roles=frozenset({"intake"}))


def with_work_order(database: Database) -> Database:
    """`database` with the sample catalogue and WO-1 expecting SN-1 and SN-2."""
    with database.uow() as uow:
        work_orders.import_products(uow, (SAMPLES / "products.csv").read_bytes(), "p.csv")
    with database.uow() as uow:
        work_orders.import_work_orders(
            uow, (HEADER + row(wo="WO-1", serial="SN-1") + row(wo="WO-1", serial="SN-2")).encode(),
            "wo.csv")
    return database


def through_relay(url: str, port: int) -> Database:
    """The PostgreSQL database at `url`, reached through a relay on the local `port`."""
    return Database(db.make_engine(make_url(url).set(host="127.0.0.1", port=port)
                                   .render_as_string(hide_password=False)))


class CommitAckCutter:
    """A TCP relay to PostgreSQL that, once armed, forwards the next COMMIT, waits for the
    server's answer (so the commit is durable) and closes the station's connection instead."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.armed = threading.Event()
        self.cut = threading.Event()
        self._commit_sent = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        self._listener.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.target)
            threading.Thread(target=_pipe, args=(client, server, self._seen_by_server),
                             daemon=True).start()
            threading.Thread(target=_pipe, args=(server, client, self._seen_by_station),
                             daemon=True).start()

    def _seen_by_server(self, data: bytes) -> bool:
        # psycopg sends COMMIT as a simple query: 'Q', length, "COMMIT\0".
        if self.armed.is_set() and b"COMMIT\x00" in data:
            self.armed.clear()
            self._commit_sent.set()
        return True

    def _seen_by_station(self, data: bytes) -> bool:
        if self._commit_sent.is_set() and b"COMMIT" in data:
            self._commit_sent.clear()
            self.cut.set()
            return False  # the server has committed; the station never hears of it
        return True


def _pipe(source: socket.socket, sink: socket.socket, passes: Callable[[bytes], bool]) -> None:
    """Relay `source` to `sink` until either closes or `passes` refuses a chunk."""
    try:
        while (data := source.recv(65536)) and passes(data):
            sink.sendall(data)
    except OSError:
        pass
    finally:
        _shut(source, sink)


def _shut(*sockets: socket.socket) -> None:
    for s in sockets:
        try:
            s.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        s.close()


class Station:
    """A station's database whose next commit acknowledgement can be lost (`lose_next_ack`)."""

    def __init__(self, database: Database, lose_next_ack: Callable[[], None],
                 close: Callable[[], None]) -> None:
        self.database = database
        self.lose_next_ack = lose_next_ack
        self._close = close

    def scan(self, raw: str, parcel: int | None, client_id: str) -> intake.ScanOutcome:
        with self.database.uow(BENCH) as uow:
            return intake.scan(uow, raw, parcel, client_scan_id=client_id)

    def close(self) -> None:
        self.database.engine.dispose()
        self._close()


def _pg_station(url: str) -> Station:
    parsed = make_url(url)
    relay = CommitAckCutter((parsed.host or "127.0.0.1", parsed.port or 5432))
    return Station(through_relay(url, relay.port), relay.armed.set, relay.close)


class _AckLosingConnection(sqlite3.Connection):
    """A real sqlite3 connection whose commit, once armed, goes through and then reports an
    error, as a failing disk or storage driver can."""

    armed: threading.Event

    def commit(self) -> None:
        super().commit()
        if self.armed.is_set():
            self.armed.clear()
            raise sqlite3.OperationalError("disk I/O error")


def _sqlite_station(url: str) -> Station:
    armed = threading.Event()
    factory = type("ArmedConnection", (_AckLosingConnection,), {"armed": armed})
    engine = db.make_engine(url)

    @event.listens_for(engine, "do_connect")
    def with_factory(_dialect: Any, _record: Any, _args: Any, params: dict[str, Any]) -> None:
        params["factory"] = factory

    return Station(Database(engine), armed.set, lambda: None)


@pytest.fixture(params=["sqlite", "postgresql"])
def station(request: pytest.FixtureRequest) -> Iterator[tuple[Station, Database]]:
    """A station that can lose an acknowledgement, and a plain view of the same database."""
    url = str(request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url"))
    with_work_order(Database(db.make_engine(url))).engine.dispose()
    made = _sqlite_station(url) if request.param == "sqlite" else _pg_station(url)
    plain = Database(db.make_engine(url))
    yield made, plain
    made.close()
    plain.engine.dispose()


def counts(database: Database, serial: str) -> tuple[int, int, UnitStatus]:
    """Scans of `serial`, receipts of its unit, and the unit's state."""
    with database.uow() as uow:
        s = uow.session
        unit = s.scalars(select(Unit).where(Unit.serial == serial)).one()
        scans = s.scalar(select(func.count()).select_from(Scan).where(Scan.raw == serial))
        receipts = s.scalar(select(func.count()).select_from(StatusChange).where(
            StatusChange.unit_id == unit.id, StatusChange.to_status == "received"))
        return scans or 0, receipts or 0, unit.status


def test_a_retry_after_a_lost_acknowledgement_gets_the_stored_verdict(
        station: tuple[Station, Database]) -> None:
    bench, plain = station
    opened = bench.scan("WO-1", None, str(uuid.uuid4()))
    scan_id = str(uuid.uuid4())
    bench.lose_next_ack()
    with pytest.raises(DBAPIError):  # what the bench sees: the database did not answer
        bench.scan("SN-1", opened.intake_id, scan_id)
    assert counts(plain, "SN-1") == (1, 1, UnitStatus.RECEIVED)  # yet it was committed

    again = bench.scan("SN-1", opened.intake_id, scan_id)  # the queue's automatic retry
    assert again.verdict == "accepted" and again.reasons == []
    assert again.message.startswith("SN-1 (")
    assert again.message.endswith(") received for WO-1. 1 unit(s) still expected.")
    assert (again.work_order, again.serial, again.intake_id) == ("WO-1", "SN-1", opened.intake_id)
    assert [(u["serial"], u["received"]) for u in again.expected] == [
        ("SN-1", True), ("SN-2", False)]
    assert counts(plain, "SN-1") == (1, 1, UnitStatus.RECEIVED)  # one scan, one receipt
    # A Chinese station reads the replayed verdict in Chinese, the same words as the first.
    assert again.text("zh_CN").startswith("SN-1（") and "尚有 1 台未到" in again.text("zh_CN")
    with plain.uow() as uow:
        stored = uow.session.scalars(select(Scan).where(Scan.client_scan_id == scan_id)).one()
        assert (stored.id, stored.verdict, stored.message) == (
            again.scan_id, "accepted", again.message)

    # Another scan of the same unit, with its own id, is a new scan: already received.
    repeat = bench.scan("SN-1", opened.intake_id, str(uuid.uuid4()))
    assert repeat.reasons == ["already_received"]
    assert counts(plain, "SN-1") == (2, 1, UnitStatus.RECEIVED)


def test_a_lost_acknowledgement_of_a_rejection_replays_the_same_reason(
        station: tuple[Station, Database]) -> None:
    bench, plain = station
    scan_id = str(uuid.uuid4())
    bench.lose_next_ack()
    with pytest.raises(DBAPIError):
        bench.scan("NOT-AN-ORDER", None, scan_id)
    again = bench.scan("NOT-AN-ORDER", None, scan_id)
    assert (again.verdict, again.reasons, again.serial) == (
        "rejected", ["no_work_order"], "NOT-AN-ORDER")
    assert "NOT-AN-ORDER matches no open work order" in again.message
    # Its catalogue words are stored with it: a Chinese station reads the reason in Chinese.
    assert again.text("zh_CN").startswith("NOT-AN-ORDER 没有匹配的未结工单")
    assert again.text("en") == again.message
    with plain.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Scan)) == 1


def _blocked_on_a_lock(plain: Database) -> bool:
    with plain.uow() as uow:
        return bool(uow.session.scalar(text(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
            "AND datname = current_database()")))


def test_two_attempts_with_the_same_id_at_once_store_one_scan(
        station: tuple[Station, Database]) -> None:
    """The first attempt hangs before its commit while the retry starts: the database's unique
    id settles it, and both attempts return the first one's verdict."""
    bench, plain = station
    opened = bench.scan("WO-1", None, str(uuid.uuid4()))
    scan_id = str(uuid.uuid4())
    first_at_commit, go_on = threading.Event(), threading.Event()
    first_thread: list[threading.Thread] = []

    def hold_first(session: Session) -> None:
        if threading.current_thread() in first_thread:
            first_at_commit.set()
            go_on.wait(10)

    results: dict[str, Any] = {}

    def attempt(name: str) -> None:
        try:
            results[name] = bench.scan("SN-2", opened.intake_id, scan_id)
        except Exception as exc:  # reported by the assertion below
            results[name] = exc

    event.listen(Session, "before_commit", hold_first)
    try:
        first = threading.Thread(target=attempt, args=("first",))
        first_thread.append(first)
        first.start()
        assert first_at_commit.wait(10)
        retry = threading.Thread(target=attempt, args=("retry",))
        retry.start()
        if plain.backend == "postgresql":  # the retry waits on the unit the first one holds
            deadline = time.monotonic() + 10
            while not _blocked_on_a_lock(plain) and time.monotonic() < deadline:
                time.sleep(0.02)
            assert _blocked_on_a_lock(plain)
        else:  # SQLite: the retry waits for the write lock
            time.sleep(0.3)
        go_on.set()
        first.join(20)
        retry.join(20)
    finally:
        go_on.set()
        event.remove(Session, "before_commit", hold_first)
    one, two = results["first"], results["retry"]
    assert isinstance(one, intake.ScanOutcome) and isinstance(two, intake.ScanOutcome), results
    assert (one.verdict, two.verdict) == ("accepted", "accepted")
    assert one.scan_id == two.scan_id and one.message == two.message
    assert counts(plain, "SN-2") == (1, 1, UnitStatus.RECEIVED)


@pytest.mark.parametrize("bad", ["", "x" * 37])
def test_a_bad_scan_id_is_refused_before_anything_is_stored(
        station: tuple[Station, Database], bad: str) -> None:
    bench, plain = station
    with pytest.raises(Exception, match="scan id must be 1 to 36 characters"):
        bench.scan("WO-1", None, bad)
    with plain.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Scan)) == 0
