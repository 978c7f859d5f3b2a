"""The scan path's statements run on the driver give what SQLAlchemy gives, on every backend."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError

from core.driver_statements import DriverInsert, DriverRead
from core.models import ParcelIntake, Scan, UnitStatus, WorkOrder, WorkOrderStatus
from core.services.setup import open_and_prepare
from core.unit_of_work import Database

OPEN = DriverRead(select(WorkOrder.id, WorkOrder.number, WorkOrder.status)
                  .where(WorkOrder.status.not_in((WorkOrderStatus.CLOSED,
                                                  WorkOrderStatus.CANCELLED)),
                         WorkOrder.number.like(bindparam("prefix")))
                  .order_by(WorkOrder.id).limit(5))
NEW_SCAN = DriverInsert(Scan.__table__)
NEW_PARCEL = DriverInsert(ParcelIntake.__table__)


@pytest.fixture(params=["sqlite", "postgresql", "mariadb"])
def store(request: pytest.FixtureRequest) -> Iterator[Database]:
    url = request.getfixturevalue({"sqlite": "sqlite_url", "postgresql": "pg_url",
                                   "mariadb": "mariadb_url"}[request.param])
    database = open_and_prepare(url)
    with database.uow() as uow:
        from core.services import demo

        demo.build(uow, 12)
    yield database
    database.engine.dispose()


def test_a_read_gives_the_rows_sqlalchemy_gives(store: Database) -> None:
    with store.read() as uow:
        conn = uow.session.connection()
        expected = [tuple(row) for row in conn.execute(OPEN.statement, {"prefix": "%"})]
        assert expected  # the demo has open work orders
        found = OPEN.rows(conn, {"prefix": "%"})
        # Enum columns come back as their stored values: the caller makes the enum.
        assert [(i, n, WorkOrderStatus(s)) for i, n, s in found] == expected
        assert OPEN.first(conn, {"prefix": "no such%"}) is None


def test_an_insert_writes_the_row_sqlalchemy_would_and_returns_its_id(store: Database) -> None:
    at = dt.datetime(2026, 12, 3, 9, 30, 15, 123456, tzinfo=dt.UTC)
    with store.uow() as uow:
        conn = uow.session.connection()
        parcel = NEW_PARCEL.insert(conn, {"station": "b-1", "opened_at": at,
                                          "verdict": "open", "reasons": ["x"]})
        scan = NEW_SCAN.insert(conn, {
            "intake_id": parcel, "station": "b-1", "scanned_at": at, "raw": "SN-1",
            "parsed": {"kind": "serial", "serial": "SN-1", "note": "中文"}, "verdict": "rejected",
            "reasons": ["no_work_order"], "message": "SN-1 matches nothing",
            "wording": [{"key": "reason.no_work_order", "params": {"text": "SN-1"}}],
            "client_scan_id": "c0ffee"})
        uow.commit()
    with store.read() as uow:
        stored = uow.session.get(Scan, scan)
        assert stored is not None and stored.intake_id == parcel
        # MariaDB's DATETIME keeps whole seconds, as for every write through SQLAlchemy.
        assert stored.scanned_at == (at.replace(microsecond=0) if store.backend == "mysql" else at)
        assert stored.parsed == {"kind": "serial", "serial": "SN-1", "note": "中文"}
        assert stored.reasons == ["no_work_order"] and stored.symbology == ""  # a default
        assert stored.wording == [{"key": "reason.no_work_order", "params": {"text": "SN-1"}}]
        opened = uow.session.get(ParcelIntake, parcel)
        assert opened is not None and (opened.carrier, opened.condition, opened.reasons) == (
            "", "", ["x"])  # defaults of the columns not given, JSON read back


def test_a_refused_insert_is_sqlalchemys_integrity_error_and_rolls_back(store: Database) -> None:
    values = {"station": "b-1", "raw": "X", "verdict": "info", "client_scan_id": "same"}
    with store.uow() as uow:
        NEW_SCAN.insert(uow.session.connection(), values)
        uow.commit()
    with store.uow() as uow, pytest.raises(IntegrityError):
        NEW_SCAN.insert(uow.session.connection(), values)
    with store.read() as uow:
        assert uow.session.scalar(select(Scan.id).where(Scan.raw == "X")) is not None
        assert len(uow.session.scalars(select(Scan.id).where(Scan.raw == "X")).all()) == 1


def test_enum_members_are_bound_by_their_stored_value(store: Database) -> None:
    read = DriverRead(select(WorkOrder.id).where(WorkOrder.status == bindparam("status")))
    with store.read() as uow:
        conn = uow.session.connection()
        by_member = read.rows(conn, {"status": WorkOrderStatus.AWAITING_PARCEL})
        by_text = read.rows(conn, {"status": "awaiting_parcel"})
    assert by_member == by_text and by_member
    assert UnitStatus.RECEIVED.value == "received"
