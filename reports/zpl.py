"""Native ZPL for Zebra-type thermal printers: the return label, the intake and refusal slips.

Every user-supplied value goes through `field_data`, which uses `^FH` hex escapes (`_5E` for `^`,
`_7E` for `~`, `_5F` for the escape character itself), so a customer called `A^XZ~JA` prints as
written and cannot end the label or send a printer command. Text is UTF-8 (`^CI28`).

Chinese needs a CJK font on the printer. When the caller names one (`printer_font`, e.g. a font
downloaded to `E:`), text uses it; otherwise lines that ASCII fonts cannot show are drawn as bitmaps
(`^GFA`) from the bundled font, so Chinese addresses print on any printer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from reports.code128 import QUIET_MODULES, code128_bars
from reports.data import IntakeSlipData, LabelData, RefusalSlipData, is_barcode_text
from reports.qr import byte_mode_side
from reports.text_wrap import Token, wrap_measured
from reports.wording import (
    cod_text,
    format_datetime,
    freight_text,
    intake_facts,
    intake_units,
    say,
)
from reports.zpl_bitmaps import graphic_field

SUPPORTED_DPI = (203, 300)
_LATIN_ADVANCE = 0.62  # advance of a Latin character in a scalable font, in units of its height
_ELLIPSIS = "..."


def field_data(text: str) -> str:
    """`^FH^FD...^FS` for `text`, escaped so no character in it can act as a ZPL command."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in "^~_\\":
            out.append(f"_{code:02X}")
        elif code < 32 or code == 127:
            out.append(" ")  # a control character has no business on a label
        else:
            out.append(ch)
    return "^FH^FD" + "".join(out) + "^FS"


def _is_wide(ch: str) -> bool:
    return ord(ch) >= 0x2E80


def _printer_text_ok(text: str) -> bool:
    """Whether the printer's built-in font 0 can show `text` (Latin-1 is safe, CJK is not)."""
    return all(ord(ch) < 0x250 for ch in text)


def estimate_width(text: str, height: int) -> float:
    """A conservative width estimate in dots: CJK characters are square, others narrower."""
    return sum(_char_units(text)) * height


def wrap_estimated(text: str, height: int, width: int) -> list[str]:
    """Wrap by estimated width, breaking at spaces and between CJK characters."""
    return wrap_measured(_measured_tokens(text), height, width, _char_units)


def _char_units(text: str) -> list[float]:
    """Estimated widths in units of the text height."""
    return [1.0 if _is_wide(ch) else _LATIN_ADVANCE for ch in text]


@lru_cache(maxsize=2048)
def _measured_tokens(text: str) -> tuple[Token, ...]:
    """Breakable tokens of `text` (a wide character alone, runs of others) with their units."""
    tokens: list[str] = []
    for ch in text.replace("\n", " "):
        if tokens and not _is_wide(ch) and not _is_wide(tokens[-1][-1]) \
                and ch.isspace() == tokens[-1][-1].isspace():
            tokens[-1] += ch
        else:
            tokens.append(ch)
    return tuple((token, sum(_char_units(token)), token.isspace()) for token in tokens)


@dataclass
class ZplCanvas:
    """Collects ZPL commands for one label, in millimetres converted to printer dots."""

    dpi: int = 203
    size_mm: tuple[float, float] = (100.0, 150.0)
    printer_font: str | None = None
    commands: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.dpi not in SUPPORTED_DPI:
            raise ValueError(f"dpi must be one of {SUPPORTED_DPI}, not {self.dpi}")

    def dots(self, mm: float) -> int:
        # "203 dpi" heads are 8 dots/mm exactly (203.2 dpi): 100x150 mm is 800x1200 dots.
        per_mm = 8.0 if self.dpi == 203 else self.dpi / 25.4
        return round(mm * per_mm)

    def text(self, x: float, y: float, text: str, height_mm: float) -> None:
        """One line of text with its top-left at (x, y) mm."""
        h = self.dots(height_mm)
        at = f"^FO{self.dots(x)},{self.dots(y)}"
        if self.printer_font is not None:
            self.commands.append(f"{at}^A1N,{h},{h}{field_data(text)}")
        elif _printer_text_ok(text):
            self.commands.append(f"{at}^A0N,{h},{h}{field_data(text)}")
        else:
            self.commands.append(at + graphic_field(text, h))

    def text_block(self, x: float, y: float, width: float, height: float,
                   paragraphs: Sequence[str], max_mm: float, min_mm: float = 1.8) -> None:
        """Wrapped text shrunk until it fits the box; cut with an ellipsis if it never does."""
        w, h = self.dots(width), self.dots(height)
        size = self.dots(max_mm)
        floor = self.dots(min_mm)
        while True:
            lines = [ln for p in paragraphs if p.strip() for ln in wrap_estimated(p, size, w)]
            if len(lines) * size * 1.15 <= h or size <= floor:
                break
            size -= 1
        room = max(1, int(h // (size * 1.15)))
        if len(lines) > room:
            last = lines[room - 1]
            while last and estimate_width(last + _ELLIPSIS, size) > w:
                last = last[:-1]
            lines = lines[: room - 1] + [last + _ELLIPSIS]
        per_mm = self.dots(100) / 100
        for i, line in enumerate(lines):
            self.text(x, y + i * size * 1.15 / per_mm, line, size / per_mm)

    def line(self, x: float, y: float, width: float, thickness: float = 0.3) -> None:
        t = max(1, self.dots(thickness))
        self.commands.append(f"^FO{self.dots(x)},{self.dots(y)}^GB{self.dots(width)},{t},{t}^FS")

    def code128(self, x: float, y: float, width: float, bar_height: float, value: str,
                caption_mm: float = 3.0) -> None:
        """Code 128 centred in `width` mm, module width in whole dots, value printed beneath."""
        modules = code128_bars(value)[0] + 2 * QUIET_MODULES
        box = self.dots(width)
        module = max(1, min(4 if self.dpi == 300 else 3, int(box // modules)))
        left = self.dots(x) + max(0, (box - int(modules * module)) // 2) + QUIET_MODULES * module
        h = self.dots(bar_height)
        self.commands.append(f"^FO{left},{self.dots(y)}^BY{module},3,{h}"
                             f"^BCN,{h},N,N,N,A{field_data(value)}")
        cap = self.dots(caption_mm)
        cap_left = self.dots(x) + max(0, int((box - estimate_width(value, cap)) // 2))
        self.commands.append(f"^FO{cap_left},{self.dots(y + bar_height + 0.8)}"
                             f"^A0N,{cap},{cap}{field_data(value)}")

    def qr(self, x: float, y: float, side: float, value: str) -> None:
        """QR code (error correction M) magnified as much as `side` mm allows, max 10."""
        modules = byte_mode_side(value) + 8
        mag = max(1, min(10, self.dots(side) // modules))
        quiet = 4 * mag  # ^BQ draws no quiet zone: leave it inside the box
        self.commands.append(f"^FO{self.dots(x) + quiet},{self.dots(y) + quiet}"
                             f"^BQN,2,{mag}^FH^FDMA,{field_data(value)[6:]}")

    def zpl(self) -> bytes:
        width, length = self.dots(self.size_mm[0]), self.dots(self.size_mm[1])
        head = f"^XA^CI28^PW{width}^LL{length}^LH0,0"
        if self.printer_font is not None:
            head += f"^CW1,{self.printer_font.replace('^', '').replace('~', '')}"
        return ("\n".join([head, *self.commands, "^XZ"]) + "\n").encode("utf-8")


def render_label_zpl(label: LabelData, *, dpi: int = 203,
                     size_mm: tuple[float, float] = (100.0, 150.0),
                     printer_font: str | None = None, out: str | Path | None = None) -> bytes:
    """The return label as ZPL (same blocks as the PDF label).

    Args:
        label: What to print.
        dpi: 203 or 300, the printer's resolution.
        size_mm: Label width and length in millimetres.
        printer_font: A CJK font on the printer (e.g. 'E:SIMSUN.TTF'); None draws such text as
            bitmaps.
        out: Optional file to write the ZPL to.
    """
    z = ZplCanvas(dpi, size_mm, printer_font)
    lang = label.language
    w, h = size_mm
    m = 3.0
    iw = w - 2 * m
    y = m
    unit = (h - 2 * m) / 100  # section heights in hundredths of the printable length

    z.text(w - m - 20, y, f"{label.parcel_no}/{label.parcel_count}", 7 * unit)
    z.text_block(m, y, iw - 22, 7 * unit, [f"{label.carrier} {label.service}".strip()], 4.5)
    y += 7.5 * unit
    z.line(m, y, iw)
    z.text(m, y + 0.8, say("doc.label.tracking", lang), 2.2)
    if label.tracking_number:
        z.code128(m, y + 3.6, iw, 9 * unit, label.tracking_number)
    y += 16.5 * unit
    z.line(m, y, iw)
    z.text(m, y + 0.8, say("doc.label.to", lang), 2.2)
    z.text_block(m + 2, y + 3.5, iw - 2, 27 * unit - 4.5, label.recipient.all_lines(), 4.5)
    y += 27 * unit
    z.line(m, y, iw)
    z.text(m, y + 0.8, say("doc.label.from", lang), 2.2)
    z.text_block(m + 2, y + 3.5, iw - 2, 12 * unit - 4.5, label.sender.as_address().all_lines(),
                 2.8)
    y += 12 * unit
    z.line(m, y, iw)
    z.text_block(m, y + 1, iw * 0.5, 6 * unit - 1.5, [cod_text(label)], 3.5)
    z.text_block(m + iw * 0.52, y + 1, iw * 0.48, 6 * unit - 1.5, [freight_text(label)], 3.0)
    y += 6 * unit
    z.line(m, y, iw)
    bottom = h - m - y
    qr_side = min(bottom - 1, iw * 0.45)
    z.qr(w - m - qr_side, y + 1, qr_side, label.qr_payload)
    left_w = iw - qr_side - 1
    z.text(m, y + 0.8, say("doc.work_order", lang), 2.2)
    z.code128(m, y + 4, left_w, min(bottom * 0.36, 12), label.work_order_number)
    z.text_block(m, y + 4 + min(bottom * 0.36, 12) + 4.5, left_w, bottom * 0.4,
                 [say("doc.label.units", lang, count=len(label.serials),
                      serials=", ".join(label.serials))], 2.5, 1.5)
    return _finish(z.zpl(), out)


def render_intake_slip_zpl(slip: IntakeSlipData, *, dpi: int = 203,
                           size_mm: tuple[float, float] = (100.0, 150.0),
                           printer_font: str | None = None,
                           out: str | Path | None = None) -> bytes:
    """The intake slip as ZPL: work-order barcode for the box, what arrived, what is missing."""
    z = ZplCanvas(dpi, size_mm, printer_font)
    w, h = size_mm
    m = 3.0
    iw = w - 2 * m
    z.text_block(m, m, iw, 6, [slip.center.name], 3.5)
    lang = slip.language
    z.text(m, m + 6.5, say("doc.intake.title", lang), 4.5)
    z.line(m, m + 12, iw)
    z.code128(m, m + 14, iw, 18, slip.work_order_number, caption_mm=4)
    y = m + 38
    z.line(m, y, iw)
    facts = intake_facts(slip)
    z.text_block(m, y + 1.5, iw, 24, facts, 3.5, 2.0)
    y += 27
    z.line(m, y, iw)
    z.text_block(m, y + 1.5, iw, h - m - y - 2, intake_units(slip, with_models=False), 3.5,
                 1.5)
    return _finish(z.zpl(), out)


def render_refusal_slip_zpl(slip: RefusalSlipData, *, dpi: int = 203,
                            size_mm: tuple[float, float] = (100.0, 150.0),
                            printer_font: str | None = None,
                            out: str | Path | None = None) -> bytes:
    """The refusal slip (rule S3) as ZPL for the label printer: why the parcel was refused, who
    it goes back to, and the inbound waybill as a barcode; the scans stay on the PDF slip."""
    z = ZplCanvas(dpi, size_mm, printer_font)
    lang = slip.language
    w, h = size_mm
    m = 3.0
    iw = w - 2 * m
    z.text_block(m, m, iw, 6, [slip.center.name], 3.5)
    z.text(m, m + 6.5, say("doc.refusal.title", lang), 4.5)
    z.line(m, m + 12, iw)
    y = m + 13.5
    z.text_block(m, y, iw, 12, [say("doc.refusal.intro", lang)], 3.0, 2.0)
    y += 13
    z.line(m, y, iw)
    reasons = slip.reasons or (say("doc.refusal.no_reason", lang),)
    z.text(m, y + 1, say("doc.refusal.why", lang), 2.5)
    z.text_block(m, y + 4.5, iw, 40, [f"{i}. {r}" for i, r in enumerate(reasons, 1)], 3.5, 2.0)
    y += 46
    z.line(m, y, iw)
    sender = slip.sender.all_lines() if slip.sender and not slip.sender.is_empty \
        else [say("doc.unknown", lang)]
    z.text(m, y + 1, say("doc.refusal.sender", lang), 2.5)
    z.text_block(m, y + 4.5, iw, 24, sender, 3.5, 2.0)
    y += 30
    z.line(m, y, iw)
    facts = [f"{say('doc.refusal.received', lang)}: {format_datetime(slip.received_at, lang)}",
             f"{say('doc.refusal.carrier', lang)}: {slip.carrier or '-'}"]
    z.text_block(m, y + 1.5, iw, 9, facts, 3.0, 2.0)
    y += 11
    if slip.inbound_tracking and is_barcode_text(slip.inbound_tracking):
        z.text(m, y, say("doc.refusal.inbound", lang), 2.5)
        z.code128(m, y + 3.5, iw, min(12.0, h - m - y - 9), slip.inbound_tracking)
    return _finish(z.zpl(), out)


def _finish(data: bytes, out: str | Path | None) -> bytes:
    if out is not None:
        Path(out).write_bytes(data)
    return data
