"""Unsent scans are stored by themselves once the database answers again: real failures only.

A SQLite file locked by another connection's write transaction, and a PostgreSQL address where
nothing listens until a server appears there. The bench keeps the scans in order, shows none as
accepted before it is stored, counts down to the next try, and stores each scan exactly once.
"""

from __future__ import annotations

import socket
import sqlite3
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.engine import make_url

from core import db
from core.models import Scan
from core.unit_of_work import Actor, Database
from tests.trust.test_lost_commit_ack import CommitAckCutter, through_relay, with_work_order
from tests.ui.test_intake_bench import FakeSounds, TECHNICIAN
from ui.intake.bench import IntakeWorkspace
from ui.intake.scan_queue import ScanQueue
from ui.scanner.keyboard import ScanCapture

FAST = (0.05, 0.1, 0.2)  # the bench's 1 s, 2 s, 5 s, 10 s, shortened for the tests
SCANS = ["WO-1", "SN-1", "SN-2"]
STORED = [("WO-1", "info"), ("SN-1", "accepted"), ("SN-2", "accepted")]


def stored(database: Database) -> list[tuple[str, str]]:
    """The scans in the database, read beside the station (a plain read waits for no lock)."""
    if database.backend == "sqlite":
        conn = sqlite3.connect(database.engine.url.database or "")
        try:
            return conn.execute("SELECT raw, verdict FROM scan ORDER BY id").fetchall()
        finally:
            conn.close()
    with database.uow() as uow:
        return [(s.raw, s.verdict) for s in uow.session.scalars(select(Scan).order_by(Scan.id))]


def pending_rows(bench: IntakeWorkspace) -> list[str]:
    return [bench.pending_list.item(i).text().split()[0] for i in range(bench.pending_list.count())]


@pytest.fixture
def bench_on(qtbot):  # type: ignore[no-untyped-def]
    """Open an intake bench on a database, with the short retry schedule."""
    made: list[tuple[IntakeWorkspace, ScanCapture]] = []

    def open_bench(database: Database, actor: Actor = TECHNICIAN) -> IntakeWorkspace:
        capture = ScanCapture()
        capture.install()
        bench = IntakeWorkspace(database, actor, capture=capture, sounds=FakeSounds(),
                                extra_sources=False)
        bench.queue.backoff = FAST
        qtbot.addWidget(bench)
        bench.show()
        made.append((bench, capture))
        return bench

    yield open_bench
    for bench, capture in made:
        qtbot.waitUntil(lambda b=bench: not b.queue.busy, timeout=20_000)
        capture.uninstall()


@pytest.fixture
def locked_sqlite(sqlite_url: str) -> Iterator[tuple[Database, sqlite3.Connection]]:
    """The bench's database, and another connection holding its write lock (released by the test)."""
    database = with_work_order(Database(db.make_engine(sqlite_url)))

    @event.listens_for(database.engine, "connect")
    def short_wait(dbapi_conn: Any, _record: Any) -> None:
        # A station waits 15 s for a lock before giving up; a test needs no such patience.
        dbapi_conn.execute("PRAGMA busy_timeout=100")

    database.engine.dispose()  # connections made before the listener keep the long wait
    holder = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None,
                             check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another station in the middle of a long write
    yield database, holder
    if holder.in_transaction:
        holder.rollback()
    holder.close()
    database.engine.dispose()


def test_locked_sqlite_scans_wait_in_order_and_are_stored_once_the_lock_goes(
        qtbot, bench_on, locked_sqlite) -> None:  # type: ignore[no-untyped-def]
    database, holder = locked_sqlite
    bench = bench_on(database)
    for raw in SCANS:
        bench.take_scan(raw)
    qtbot.waitUntil(lambda: bench.queue.failures >= 3, timeout=10_000)  # it kept trying
    assert stored(database) == []
    assert bench.panel.state == "error"  # never shown accepted while not stored
    assert bench.panel.title.text() == "⚠ NOT STORED"
    assert "Database unreachable — 3 scans waiting, retrying" in bench.panel.message.text()
    assert "database is locked" in bench.panel.message.text()
    assert bench.pending_box.isVisible() and pending_rows(bench) == SCANS
    assert bench.sounds.played == ["rejected"]  # one warning, not one per retry

    holder.rollback()  # the other station finishes its write
    qtbot.waitUntil(lambda: bench.queue.idle, timeout=10_000)
    assert stored(database) == STORED  # in order, each exactly once
    assert bench.panel.state == "accepted" and not bench.pending_box.isVisible()
    assert bench.sounds.played == ["rejected", "info", "accepted", "accepted"]


def test_the_countdown_shows_the_next_try_and_retry_does_not_wait_for_it(
        qtbot, bench_on, locked_sqlite) -> None:  # type: ignore[no-untyped-def]
    database, holder = locked_sqlite
    bench = bench_on(database)
    bench.queue.backoff = (30.0,)
    bench.take_scan("WO-1")
    qtbot.waitUntil(lambda: bench.queue.stopped, timeout=10_000)
    bench.take_scan("SN-1")  # scanned while waiting: queued behind, not tried out of turn
    assert "2 scans waiting, retrying in 30 s" in bench.panel.message.text()
    assert 25 < (bench.queue.seconds_until_retry() or 0) <= 30

    holder.rollback()
    bench.retry_button.click()
    qtbot.waitUntil(lambda: bench.queue.idle, timeout=10_000)
    assert stored(database) == STORED[:2]
    assert bench.queue.seconds_until_retry() is None and bench.queue.failures == 0


def test_a_refusal_that_retrying_cannot_cure_waits_for_a_person(
        qtbot, bench_on, locked_sqlite) -> None:  # type: ignore[no-untyped-def]
    database, holder = locked_sqlite
    holder.rollback()
    clerk = Actor(username="sam", station="bench-1", roles=frozenset({"shipping"}))
    bench = bench_on(database, clerk)
    bench.take_scan("WO-1")
    qtbot.waitUntil(lambda: bench.queue.stopped, timeout=10_000)
    qtbot.wait(300)  # longer than the whole short schedule: no automatic retry came
    assert bench.queue.failures == 1 and bench.queue.seconds_until_retry() is None
    assert "needs the role intake technician" in bench.panel.message.text()
    assert "press Retry" in bench.panel.message.text() and stored(database) == []


class LateServer:
    """A TCP port where nothing listens until `open()`, then a relay to the real server."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self._listener: socket.socket | None = None

    def open(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        if self._listener is not None:
            self._listener.close()

    def _accept(self) -> None:
        assert self._listener is not None
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


def test_postgresql_server_not_there_yet_then_scans_go_in(qtbot, bench_on,
                                                         pg_url: str) -> None:  # type: ignore[no-untyped-def]
    real = with_work_order(Database(db.make_engine(pg_url)))
    url = make_url(pg_url)
    late = LateServer((url.host or "127.0.0.1", url.port or 5432))
    station = through_relay(pg_url, late.port)
    try:
        bench = bench_on(station)
        for raw in SCANS:
            bench.take_scan(raw)
        qtbot.waitUntil(lambda: bench.queue.failures >= 2, timeout=10_000)
        assert "Database unreachable — 3 scans waiting" in bench.panel.message.text()
        assert stored(real) == [] and pending_rows(bench) == SCANS

        late.open()  # the server is back
        qtbot.waitUntil(lambda: bench.queue.idle, timeout=15_000)
        assert stored(real) == STORED
        assert bench.panel.state == "accepted"
    finally:
        station.engine.dispose()
        real.engine.dispose()
        late.close()


def test_the_queue_alone_keeps_its_schedule(qtbot, locked_sqlite) -> None:  # type: ignore[no-untyped-def]
    database, holder = locked_sqlite
    queue = ScanQueue(database, TECHNICIAN, backoff=(0.05, 0.1))
    outcomes: list[str] = []
    queue.stored.connect(lambda outcome: outcomes.append(outcome.scan))
    queue.submit("WO-1")
    qtbot.waitUntil(lambda: queue.failures >= 4, timeout=10_000)
    # After the schedule runs out, the last pause repeats.
    assert 0 < (queue.seconds_until_retry() or 0.1) <= 0.1
    holder.rollback()
    qtbot.waitUntil(lambda: queue.idle, timeout=10_000)
    assert outcomes == ["WO-1"] and stored(database) == STORED[:1]


def test_a_lost_commit_acknowledgement_is_retried_with_the_same_scan_id(
        qtbot, bench_on, pg_url: str) -> None:  # type: ignore[no-untyped-def]
    """The first attempt is committed but the answer never reaches the bench: the automatic
    retry carries the same id and shows the stored verdict; the unit is received once."""
    real = with_work_order(Database(db.make_engine(pg_url)))
    url = make_url(pg_url)
    relay = CommitAckCutter((url.host or "127.0.0.1", url.port or 5432))
    station = through_relay(pg_url, relay.port)
    try:
        bench = bench_on(station)
        bench.take_scan("WO-1")
        qtbot.waitUntil(lambda: bench.queue.idle, timeout=10_000)
        relay.armed.set()
        bench.take_scan("SN-1")
        qtbot.waitUntil(relay.cut.is_set, timeout=10_000)
        qtbot.waitUntil(lambda: bench.queue.idle, timeout=15_000)
        assert bench.queue.failures == 0  # it failed once, then the retry got the verdict
        assert stored(real) == STORED[:2]  # one scan of SN-1, not two
        assert bench.panel.state == "accepted"
        assert "SN-1" in bench.panel.message.text() and "received for WO-1" in (
            bench.panel.message.text())
        with real.uow() as uow:
            ids = uow.session.scalars(select(Scan.client_scan_id).order_by(Scan.id)).all()
        assert len(set(ids)) == 2 and all(len(i or "") == 36 for i in ids)
        assert bench.sounds.played == ["info", "rejected", "accepted"]
    finally:
        station.engine.dispose()
        real.engine.dispose()
        relay.close()
