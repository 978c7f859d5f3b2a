"""Inserting many new rows, fast: ids taken up front, values converted once, one executemany.

An import links each new work order to its new customer and each unit to its work order, so it
needs the ids of the rows it inserts. Reading them back with RETURNING in parameter order costs
more than the inserts themselves; instead the ids are taken up front and the rows go in with
them: from the table's sequence on PostgreSQL, and above the current largest id on SQLite, whose
writer holds the database's write lock from BEGIN IMMEDIATE to COMMIT, so no other station can
take one of them meanwhile. Other backends read the ids back as before.

The rows then go to the driver's executemany as tuples, each value converted by its column
type's own bind processor (memoised: an import repeats the same dates and states thousands of
times), which costs a third of running every row through a compiled Core statement.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import JSON, Connection, Table, func, insert, select, text

# RETURNING batches for the backends without reserved ids.
_RETURNING_CHUNK = 500
# Drivers with "pyformat" (psycopg, PyMySQL) take positional %s placeholders as well.
_POSITIONAL = {"qmark": "?", "format": "%s", "pyformat": "%s"}


def _reserve_ids(conn: Connection, table: Table, count: int) -> list[int] | None:
    backend = conn.dialect.name
    if backend == "sqlite":
        # The transaction began with BEGIN IMMEDIATE (core.db): no other writer until COMMIT.
        top = conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()
        return list(range(top + 1, top + 1 + count))
    if backend == "postgresql":
        taken = conn.execute(
            text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) "
                 "FROM generate_series(1, :count)"),
            {"table": table.name, "count": count}).scalars().all()
        return sorted(int(i) for i in taken)
    return None


def insert_with_ids(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> list[int]:
    """Insert `rows` into `table`; the new ids, in the order of `rows`."""
    if not rows:
        return []
    ids = _reserve_ids(conn, table, len(rows))
    if ids is None:
        ids = []
        returning = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        for start in range(0, len(rows), _RETURNING_CHUNK):
            ids += conn.execute(returning, list(rows[start:start + _RETURNING_CHUNK])).scalars()
        return ids
    insert_rows(conn, table, [row | {"id": i} for row, i in zip(rows, ids, strict=True)])
    return ids


def _memoised(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    seen: dict[Any, Any] = {}

    def convert(value: Any) -> Any:
        try:
            return seen[value]
        except KeyError:
            seen[value] = converted = process(value)
            return converted
        except TypeError:  # unhashable (a JSON value)
            return process(value)

    return convert


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]],
                serialized: frozenset[str] = frozenset()) -> None:
    """Insert `rows` (all with the same keys) in one executemany.

    Columns named in `serialized` hold JSON text already and are passed as they are.
    Column defaults are not applied: every row must name every column it sets.
    """
    if not rows:
        return
    dialect = conn.dialect
    marker = _POSITIONAL.get(dialect.paramstyle)
    if marker is None:  # a named paramstyle: let SQLAlchemy bind
        conn.execute(insert(table), list(rows))
        return
    names = list(rows[0])
    # (column, converter, whether None is converted too: JSON stores None as 'null')
    plan: list[tuple[str, Callable[[Any], Any] | None, bool]] = []
    for name in names:
        column_type = table.c[name].type
        is_json = isinstance(column_type, JSON)
        process = None if name in serialized else (
            column_type.dialect_impl(dialect).bind_processor(dialect))
        if process is not None and not is_json:
            process = _memoised(process)
        plan.append((name, process, is_json))
    quote = dialect.identifier_preparer.quote
    sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
           f"VALUES ({', '.join([marker] * len(names))})")
    columns = []
    for name, process, is_json in plan:  # column by column: list comprehensions are fastest
        values = [row[name] for row in rows]
        if process is not None:
            values = [process(v) if v is not None or is_json else None for v in values]
        columns.append(values)
    conn.exec_driver_sql(sql, list(zip(*columns, strict=True)))
