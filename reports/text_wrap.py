"""Line breaking over measured tokens, shared by the PDF documents and the ZPL labels.

Each renderer splits its text into breakable tokens (a whitespace run, one CJK character, or a
run of other text) and measures them once in its own units; fitting text into a box then tries
many sizes on the same tokens, each a cheap pass of additions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

Token = tuple[str, float, bool]  # text, width in the renderer's units, whether it is whitespace


def wrap_measured(tokens: Iterable[Token], scale: float, width: float,
                  char_widths: Callable[[str], list[float]]) -> list[str]:
    """Break tokens into lines no wider than `width`, a token being `units * scale` wide.

    Breaks between tokens; a token wider than the line is cut where it must be, so nothing can
    overflow (a long address has no spaces in Chinese). Whitespace at the end of a line is
    dropped, and does not count against the width.

    Args:
        tokens: The text's tokens with their widths in units.
        scale: Units to the width's measure (font units to points, character heights to dots).
        width: The line's width.
        char_widths: Each character's width in units, to cut a token that fits no line.
    """
    lines: list[str] = []
    current: list[str] = []
    current_w = 0.0  # including trailing whitespace, which a line drops
    inked = False  # whether `current` has more than whitespace
    for token, token_w, space in tokens:
        if space or (current_w + token_w) * scale <= width:
            current.append(token)
            current_w += token_w
            inked = inked or not space
            continue
        if inked:
            lines.append("".join(current).rstrip())
        current, current_w, inked = [], 0.0, False
        if token_w * scale > width:
            widths = char_widths(token)
            while token_w * scale > width:
                cut = max(1, _longest_fitting_prefix(widths, width / scale))
                lines.append(token[:cut])
                token, widths = token[cut:], widths[cut:]
                token_w = sum(widths)
        current, current_w, inked = [token], token_w, bool(token)  # empty once cut to the end
    if inked:
        lines.append("".join(current).rstrip())
    return lines


def _longest_fitting_prefix(widths: list[float], limit: float) -> int:
    """How many of the leading characters fit in `limit` units."""
    total = 0.0
    for count, w in enumerate(widths):
        total += w
        if total > limit:
            return count
    return len(widths)
