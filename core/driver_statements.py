"""Statements of the busiest path, built by SQLAlchemy and run straight on the database driver.

An intake scan makes four to eight small indexed reads and is committed before its verdict is
shown. Run through a SQLAlchemy Connection, each read costs about 25 µs of bookkeeping (execution
context, parameter and result processing) against 5 µs of the database's own work (measured on
the million-work-order demo database, benchmarks/bench_scan.py): most of what separated a scan
from raw sqlite3. Here SQLAlchemy still writes the SQL, once per dialect, so the statement is the
same on SQLite, PostgreSQL and MariaDB; only the execution skips its layers. The read runs on the
connection's own driver connection, so it sees the unit of work's transaction.

Reads take strings, numbers or enum members (stored by value, as every enum column of
core.models is) and give rows read by position; an insert applies each column's own bind
processing (JSON, dates). Anything else stays on the Connection.
"""

from __future__ import annotations

import contextlib
import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Connection, Table, bindparam, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.expression import Select
from sqlalchemy.sql.schema import ColumnDefault

T = TypeVar("T")


class DriverRead:
    """A SELECT compiled once per dialect and run on the driver's cursor."""

    def __init__(self, statement: Select[Any]) -> None:
        self.statement = statement
        self._compiled: dict[str, _Compiled] = {}

    def _for(self, dialect: Dialect) -> _Compiled:
        key = f"{dialect.name}+{dialect.driver}"
        found = self._compiled.get(key)
        if found is None:
            compiled = self.statement.compile(dialect=dialect)
            # The constant IN lists (states) expanded once; the caller's parameters, left
            # empty here, keep their names, so each run only fills them in.
            state = compiled.construct_expanded_state(
                {name: None for name, bind in compiled.binds.items() if bind.required})
            constants = {name: _plain(value) for name, value in state.parameters.items()}
            order = tuple(state.positiontup) if state.positiontup is not None else None
            found = self._compiled[key] = _Compiled(state.statement, order, constants)
        return found

    def rows(self, conn: Connection, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """Every row, as tuples in the order of the statement's columns."""
        compiled = self._for(conn.dialect)
        values = dict(compiled.constants)
        values.update((name, _plain(value)) for name, value in params.items())
        args: Any = (values if compiled.order is None
                     else tuple(values[name] for name in compiled.order))
        return _run(conn, compiled.sql, args, lambda cursor: list(cursor.fetchall()))

    def first(self, conn: Connection, params: Mapping[str, Any]) -> tuple[Any, ...] | None:
        found = self.rows(conn, params)
        return found[0] if found else None


@dataclass(frozen=True)
class _Compiled:
    sql: str
    order: tuple[str, ...] | None  # positional parameters' names; None: named (pyformat)
    constants: dict[str, Any]


def _run(conn: Connection, sql: str, args: Any, fetch: Callable[[Any], T]) -> T:
    """Execute on the connection's driver cursor; the driver's errors become SQLAlchemy's, as
    through the Connection (a broken connection is invalidated, so the pool drops it)."""
    dbapi = conn.dialect.loaded_dbapi
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql, args)
        return fetch(cursor)
    except dbapi.Error as error:
        disconnected = conn.dialect.is_disconnect(error, conn.connection.dbapi_connection, cursor)
        if disconnected:
            conn.invalidate(error)
        raise DBAPIError.instance(sql, args, error, dbapi.Error, dialect=conn.dialect,
                                  connection_invalidated=disconnected) from error
    finally:
        with contextlib.suppress(Exception):  # a cursor of a dropped connection may not close
            cursor.close()


def _plain(value: Any) -> Any:
    # Enum members go by value, as the models store them (core.models._enum).
    return value.value if isinstance(value, enum.Enum) else value


class DriverInsert:
    """An INSERT of one row, compiled once per dialect and run on the driver's cursor.

    Each value goes through its column's own bind processing (JSON, dates, enums), as
    SQLAlchemy would apply it; a column left out gets its Python default (as the models declare
    it), so the row is the one an ORM or Core insert would have written.
    """

    def __init__(self, table: Table) -> None:
        self.table = table
        self._compiled: dict[tuple[str, tuple[str, ...]], _Insert] = {}

    def _for(self, dialect: Dialect, given: tuple[str, ...]) -> _Insert:
        key = (f"{dialect.name}+{dialect.driver}", given)
        found = self._compiled.get(key)
        if found is None:
            defaults = {column.name: column.default for column in self.table.columns
                        if column.name not in given and isinstance(column.default, ColumnDefault)
                        and (column.default.is_scalar or column.default.is_callable)}
            names = (*given, *defaults)
            statement = insert(self.table).values({name: bindparam(name) for name in names})
            returning = bool(dialect.insert_returning)
            if returning:
                statement = statement.returning(*self.table.primary_key.columns)
            compiled = statement.compile(dialect=dialect)
            processors = {}
            for name in names:
                processor = self.table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
                if processor is not None:
                    processors[name] = processor
            found = self._compiled[key] = _Insert(
                str(compiled), tuple(compiled.positiontup) if compiled.positional else None,
                processors, defaults, returning)
        return found

    def insert(self, conn: Connection, values: Mapping[str, Any]) -> int:
        """Insert the row; its new id."""
        compiled = self._for(conn.dialect, tuple(values))
        row = dict(values)
        for name, default in compiled.defaults.items():
            # A callable default (utcnow, list) takes SQLAlchemy's execution context, unused here.
            row[name] = default.arg(None) if default.is_callable else default.arg
        for name, processor in compiled.processors.items():
            row[name] = processor(row[name])
        args: Any = row if compiled.order is None else tuple(row[name] for name in compiled.order)
        if compiled.returning:
            return _run(conn, compiled.sql, args, lambda cursor: int(cursor.fetchone()[0]))
        return _run(conn, compiled.sql, args, lambda cursor: int(cursor.lastrowid))


@dataclass(frozen=True)
class _Insert:
    sql: str
    order: tuple[str, ...] | None
    processors: dict[str, Any]
    defaults: dict[str, ColumnDefault]
    returning: bool
