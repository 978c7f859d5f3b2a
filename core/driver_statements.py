"""Reads of the busiest path, built by SQLAlchemy and run straight on the database driver.

An intake scan makes four to eight small indexed reads and is committed before its verdict is
shown. Run through a SQLAlchemy Connection, each read costs about 25 µs of bookkeeping (execution
context, parameter and result processing) against 5 µs of the database's own work (measured on
the million-work-order demo database, benchmarks/bench_scan.py): most of what separated a scan
from raw sqlite3. Here SQLAlchemy still writes the SQL, once per dialect, so the statement is the
same on SQLite, PostgreSQL and MariaDB; only the execution skips its layers. The read runs on the
connection's own driver connection, so it sees the unit of work's transaction.

For reads whose parameters are strings, numbers or enum members (stored by value, as every enum
column of core.models is) and whose results are read by position; anything needing type
processing (dates, JSON) stays on the Connection.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import Dialect
from sqlalchemy.sql.expression import Select


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
        cursor = conn.connection.cursor()
        try:
            cursor.execute(compiled.sql, args)
            return list(cursor.fetchall())
        finally:
            cursor.close()

    def first(self, conn: Connection, params: Mapping[str, Any]) -> tuple[Any, ...] | None:
        found = self.rows(conn, params)
        return found[0] if found else None


@dataclass(frozen=True)
class _Compiled:
    sql: str
    order: tuple[str, ...] | None  # positional parameters' names; None: named (pyformat)
    constants: dict[str, Any]


def _plain(value: Any) -> Any:
    # Enum members go by value, as the models store them (core.models._enum).
    return value.value if isinstance(value, enum.Enum) else value
