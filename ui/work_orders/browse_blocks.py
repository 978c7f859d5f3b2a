"""Rows of a browse query by position, each block read by a seek, so any position is as quick
as the first page on a million work orders.

A block is read from the key of a neighbouring block already held, from a table of every block's
starting key (sampled once per query in the background), or by counting a few rows in from the
nearer end. A far block asked before the table is ready comes back empty and is shown when it is.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError

from core.services import browse
from core.services.keyset import Key
from core.unit_of_work import Database
from ui.block_cache import BlockCache
from ui.worker import run_in_background

log = logging.getLogger(__name__)
# Counting this many rows in from an end costs about what a seek does.
NEAR_ROWS = 2000


class SeekingBlocks:
    """Rows of one `browse.BrowseQuery`, `block` at a time, the least recently shown dropped.

    `on_keys` is called on the GUI thread when the key table arrives (blocks asked before it came
    back empty and can be asked again).
    """

    def __init__(self, database: Database, on_keys: Callable[[], None], block: int = 200,
                 max_blocks: int = 64) -> None:
        self._database = database
        self._on_keys = on_keys
        self._blocks: BlockCache[browse.Row] = BlockCache(self._read, block, max_blocks)
        self._size = block
        self._query = browse.BrowseQuery()
        self._count = 0
        self._keys: list[Key] | None = None
        self._wanted = False  # the key table, for this query
        self._busy = False  # reading a key table, for this query or an earlier one
        self._generation = 0

    def reset(self, query: browse.BrowseQuery, count: int) -> None:
        self._query, self._count = query, count
        self._blocks.clear()
        self._keys = None
        self._wanted = False
        self._generation += 1

    @property
    def keys_ready(self) -> bool:
        return self._keys is not None

    @property
    def fetches(self) -> int:
        return self._blocks.fetches

    def get(self, row: int) -> browse.Row | None:
        return self._blocks.get(row)

    def _read(self, start: int, limit: int) -> list[browse.Row] | None:
        number = start // limit
        size = min(limit, self._count - start)
        before, after = self._blocks.held(number - 1), self._blocks.held(number + 1)
        if before:
            return self._seek(before[-1].key, size)
        if after:
            return self._seek(after[0].key, size, backwards=True)
        if start <= NEAR_ROWS:
            return self._seek(None, size, skip=start)
        if self._count - start - size <= NEAR_ROWS:
            return self._seek(None, size, backwards=True, skip=self._count - start - size)
        if self._keys is None:
            self._sample()
        if self._keys is None:
            return None
        if number - 1 < len(self._keys):
            return self._seek(self._keys[number - 1], size)
        # The list grew or shrank since the keys were taken: count in, slowly but correctly.
        return self._seek(None, size, skip=start)

    def _seek(self, after: Key | None, limit: int, *, backwards: bool = False,
              skip: int = 0) -> list[browse.Row] | None:
        try:
            with self._database.uow() as uow:
                return browse.seek(uow, self._query, after, limit, backwards=backwards,
                                   skip=skip)
        except SQLAlchemyError as exc:
            # A shared database that drops out leaves the rows empty, asked again when shown
            # again, rather than an exception inside the table's painting.
            log.warning("work orders not read: %s", exc)
            return None

    def prefetch_keys(self) -> None:
        """Read the key table now if the list is long enough to jump far in, so that the first
        far jump need not wait for it."""
        if self._count > 2 * NEAR_ROWS + self._size:
            self._sample()

    def _sample(self) -> None:
        self._wanted = True
        if self._busy or self._keys is not None:
            return
        # One read at a time: sorting again and again while one runs starts only the last.
        self._busy = True
        generation, query, step, database = self._generation, self._query, self._size, \
            self._database

        def take() -> list[Key]:
            with database.uow() as uow:
                return browse.sample_keys(uow, query, step)

        def arrived(keys: list[Key]) -> None:
            self._busy = False
            if generation == self._generation:
                self._keys = keys
                self._on_keys()
            elif self._wanted:
                self._sample()

        def failed(exc: BaseException) -> None:
            self._busy = False
            log.warning("work-order keys not read: %s", exc)
            if generation == self._generation:
                # The next far block asks again: a database back from a blip is used again.
                self._wanted = False
            elif self._wanted:
                self._sample()

        run_in_background(take, arrived, failed)
