"""Code 128 as bars in modules, encoded once per value and shared by the PDF and ZPL renderers.

reportlab's encoder chooses the code sets (B, with C for runs of digits); its bar pattern is read
here as (start, width) pairs in modules, so a document draws the bars itself at any bar width.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.graphics.barcode.code128 import Code128

QUIET_MODULES = 10  # Code 128 minimum quiet zone, in modules


@lru_cache(maxsize=1024)
def code128_bars(value: str) -> tuple[int, tuple[tuple[int, int], ...]]:
    """(width of the symbol in modules without quiet zones, its bars as (start, width))."""
    symbol = Code128(value, barWidth=1, quiet=0, humanReadable=0)
    modules = int(symbol.width)  # asking the size makes reportlab encode the value
    bars = []
    at = 0
    for ch in symbol.decomposed:
        if "A" <= ch <= "Z":  # a bar, as wide as its letter's place in the alphabet
            width = ord(ch) - ord("A") + 1
            bars.append((at, width))
            at += width
        elif "a" <= ch <= "z":  # a space
            at += ord(ch) - ord("a") + 1
    assert at == modules, (value, at, modules)
    return modules, tuple(bars)
