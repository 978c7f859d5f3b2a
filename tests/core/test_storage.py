"""Storage: migrations keep data, the unit of work rolls back, SQLite is set up for durability."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select, text

from core import audit, db
from core.audit import Change
from core.errors import UserError
from core.models import AuditEntry, Customer
from core.services.setup import open_and_prepare
from core.unit_of_work import Database


def test_first_migration_database_is_upgraded_with_rows_intact(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = db.make_engine(url)
    db.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO customer (id, name, company, phone, email) "
                          "VALUES (1, ' Émile ZOLA ', '', '1', ''), (2, '王伟', '', '2', '')"))
    engine.dispose()

    database = open_and_prepare(url)  # what the program does at start
    assert db.schema_state(database.engine)[0] == db.schema_state(database.engine)[1]
    with database.uow() as uow:
        rows = uow.session.execute(select(Customer.id, Customer.name, Customer.name_folded)
                                   .order_by(Customer.id)).all()
    assert rows == [(1, " Émile ZOLA ", "émile zola"), (2, "王伟", "王伟")]


def test_database_newer_than_the_program_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    open_and_prepare(url).engine.dispose()
    engine = db.make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(UserError, match="made by a newer RepairBench") as refused:
        db.open_database(url)
    where = db.describe(url)
    assert refused.value.in_language("zh_CN") == (
        f"数据库 {where} 由较新版本的 RepairBench 创建（结构版本 9999）。请安装新版程序。")
    assert refused.value.in_language("zh_TW") == (
        f"資料庫 {where} 由較新版本的 RepairBench 建立（結構版本 9999）。請安裝新版程式。")


def test_unreachable_server_is_one_clear_sentence() -> None:
    with pytest.raises(UserError, match="Cannot reach the database") as refused:
        db.open_database("postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert refused.value.in_language("zh_CN").startswith(
        "无法连接数据库 postgresql+psycopg://nobody@127.0.0.1:1/none：")
    assert refused.value.in_language("zh_TW").endswith("請檢查伺服器是否正在執行、位址是否正確。")


def test_sqlite_is_durable_and_shared(sqlite_url: str) -> None:
    engine = db.make_engine(sqlite_url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0
    engine.dispose()


def test_unit_of_work_rolls_back_unless_committed(database: Database) -> None:
    with database.uow() as uow:
        uow.session.add(Customer(name="Left out"))
    with pytest.raises(RuntimeError), database.uow() as uow:
        uow.session.add(Customer(name="Failed half way"))
        uow.session.flush()
        raise RuntimeError("boom")
    with database.uow() as uow:
        uow.session.add(Customer(name="Kept"))
        uow.commit()
    with database.uow() as uow:
        assert uow.session.scalars(select(Customer.name)).all() == ["Kept"]


def test_times_come_back_in_utc(database: Database) -> None:
    moment = dt.datetime(2026, 11, 23, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    with database.uow() as uow:
        audit.record(uow, Change("test", "x"))
        entry = uow.session.scalars(select(AuditEntry)).one()
        entry.at = moment
        uow.commit()
    with database.uow() as uow:
        at = uow.session.scalars(select(AuditEntry.at)).one()
    assert at == moment and at.tzinfo == dt.UTC and at.hour == 15


def test_audit_chain_detects_edits_and_deletions(any_database: Database) -> None:
    with any_database.uow() as uow:
        for n in range(5):
            audit.record(uow, Change("work_order.update", "work_order", f"WO-{n}", None,
                                     {"phone": "1"}, {"phone": str(n)}))
        uow.commit()
    with any_database.uow() as uow:
        result = audit.verify(uow)
    assert result.ok and result.entries == 5
    with any_database.engine.begin() as conn:
        ids = conn.execute(text("SELECT id FROM audit_entry ORDER BY id")).scalars().all()
        conn.execute(text("UPDATE audit_entry SET entity_id = 'WO-X' WHERE id = :i"), {"i": ids[2]})
    with any_database.uow() as uow:
        broken = audit.verify(uow)
    assert broken.broken_at == ids[2] and "changed" in broken.problem
    with any_database.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entry SET entity_id = 'WO-2' WHERE id = :i"), {"i": ids[2]})
        conn.execute(text("DELETE FROM audit_entry WHERE id = :i"), {"i": ids[1]})
    with any_database.uow() as uow:
        assert audit.verify(uow).broken_at == ids[2]


def test_migrations_build_exactly_the_schema_the_models_describe(any_url: str) -> None:
    """A station upgraded by migrations must have every column and index the code uses."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from core.models import Base

    database = open_and_prepare(any_url)
    with database.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    database.engine.dispose()
    assert diffs == []


def test_a_reader_does_not_hold_the_write_lock(sqlite_url: str) -> None:
    """A dashboard reading for seconds must not make a bench's scan wait (SQLite)."""
    database = Database(db.make_engine(sqlite_url))
    writer = Database(db.make_engine(sqlite_url))
    with database.read() as reader:
        reader.session.execute(select(Customer.id)).all()  # the read transaction is open
        with writer.uow() as uow:  # would wait busy_timeout seconds behind BEGIN IMMEDIATE
            uow.session.add(Customer(name="Reader Test", company="", phone="1", email=""))
            uow.commit()
        with pytest.raises(RuntimeError, match="read-only"):
            reader.commit()
    with database.read() as reader:
        assert reader.session.scalar(select(Customer.id).where(Customer.name == "Reader Test"))
    database.engine.dispose()
    writer.engine.dispose()


def test_a_reader_cannot_write_on_postgresql(pg_url: str) -> None:
    database = Database(db.make_engine(pg_url))
    with database.read() as reader:
        reader.session.add(Customer(name="Stray", company="", phone="1", email=""))
        with pytest.raises(Exception, match="read-only"):
            reader.session.flush()
    database.engine.dispose()
