"""Keyset ("seek") pagination: the rows that follow a known row, read from an index.

OFFSET n reads and drops n rows, which is seconds deep into a million; a seek starts the index scan
at the key of the row before, so every page costs the same wherever it is. A key is the tuple of
the ordering columns' values, the last being unique so that no two rows share a key.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, tuple_

Key = tuple[Any, ...]


def _nullable(column: Any) -> bool:
    return bool(getattr(getattr(column, "expression", column), "nullable", True))


def order(columns: Sequence[Any], descending: bool) -> list[Any]:
    """ORDER BY terms in the backend's own NULL placement, which its indexes serve as they are."""
    return [c.desc() if descending else c.asc() for c in columns]


def _beyond(column: Any, value: Any, descending: bool) -> ColumnElement[bool]:
    return column < value if descending else column > value


def _strictly_after(columns: Sequence[Any], key: Key, descending: bool) -> ColumnElement[bool]:
    # The leading range (>= or <=) is what lets the index seek; the rest picks the exact row.
    condition = _beyond(columns[-1], key[-1], descending)
    for column, value in zip(reversed(columns[:-1]), reversed(key[:-1]), strict=True):
        condition = or_(_beyond(column, value, descending), and_(column == value, condition))
    if len(columns) == 1:
        return condition
    # A row value over every column but the unique last one: an index on them seeks to the row.
    head = tuple_(*columns[:-1]) if len(columns) > 2 else columns[0]
    value = tuple_(*key[:-1]) if len(columns) > 2 else key[0]
    return and_(head <= value if descending else head >= value, condition)


def after(columns: Sequence[Any], key: Key, descending: bool,
          nulls_smallest: bool) -> list[ColumnElement[bool]]:
    """Rows strictly after `key` in the order `order(columns, descending)`, as conditions to run
    one after the other, each a single index range.

    Only the leading column may hold NULL. Its NULLs are a segment of their own at one end of the
    scan: "value or NULL" in one condition would make the backend sort instead of seek.
    """
    lead, rest = columns[0], columns[1:]
    if not _nullable(lead):
        return [_strictly_after(columns, key, descending)]
    nulls_first = nulls_smallest != descending
    if key[0] is None:
        among_nulls = and_(lead.is_(None), _strictly_after(rest, key[1:], descending))
        return [among_nulls, lead.is_not(None)] if nulls_first else [among_nulls]
    values = _strictly_after(columns, key, descending)
    return [values] if nulls_first else [values, lead.is_(None)]


def nulls_smallest(dialect_name: str) -> bool:
    # SQLite and MySQL sort NULL below every value, PostgreSQL above; a descending scan flips it.
    return dialect_name != "postgresql"
