"""Rows of a long list held a block at a time: what lets a table of a million rows open at once.

Table models keep a count and a `BlockCache`; a row is fetched with its block when first shown,
and the least recently shown blocks are dropped. A fetch may answer None for a block it cannot
read quickly yet; nothing is kept, and the row is asked for again when it is shown again.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

Row = TypeVar("Row")


class BlockCache(Generic[Row]):
    """Rows by position, loaded `block` at a time through `fetch(offset, limit)`."""

    def __init__(self, fetch: Callable[[int, int], list[Row] | None], block: int = 200,
                 max_blocks: int = 64) -> None:
        self._fetch = fetch
        self._size = block
        self._max = max_blocks
        self._blocks: OrderedDict[int, list[Row]] = OrderedDict()
        self.fetches = 0

    @property
    def block_size(self) -> int:
        return self._size

    def clear(self) -> None:
        self._blocks.clear()

    def held(self, number: int) -> list[Row] | None:
        """Block `number` if it is held, without counting it as shown."""
        return self._blocks.get(number)

    def get(self, row: int) -> Row | None:
        number = row // self._size
        block = self._blocks.get(number)
        if block is None:
            fetched = self._fetch(number * self._size, self._size)
            if fetched is None:
                return None
            block = fetched
            self.fetches += 1
            self._blocks[number] = block
            if len(self._blocks) > self._max:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(number)
        offset = row - number * self._size
        return block[offset] if offset < len(block) else None
