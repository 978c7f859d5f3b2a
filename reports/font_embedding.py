"""A TrueType font that embeds its per-document subsets cheaply.

Every PDF embeds the glyphs it uses as a font subset (rule: Chinese must show on a machine without
CJK fonts). reportlab builds each subset from scratch: it slices the 3.5 MB glyph table and the
0.5 MB 'post' table out of the font file again for every document, formats some 250 glyph widths
one float at a time, and compresses the subset. For a label that was half of the time it takes.

`EmbeddedTTFont` keeps the font's tables sliced once, and keeps the finished pieces of recent
subsets (widths, ToUnicode map, compressed font program) keyed by the exact characters of the
subset, so a document whose subset was seen before (a reprint, a batch of one customer's
parcels, the same form again) embeds it without rebuilding anything. The PDF objects are the ones
reportlab writes (`TTFont.addObjects` in reportlab 5.1, which this follows).
"""

from __future__ import annotations

import threading
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import (
    FF_NONSYMBOLIC,
    FF_SYMBOLIC,
    SUBSETN,
    TTFont,
    TTFontFace,
    makeToUnicodeCMap,
)

SUBSET_CACHE_SIZE = 64  # finished subsets kept; one is 20-60 kB


class _TableCachingFace(TTFontFace):
    """A font face that slices each table out of the font file once (tables are immutable bytes)."""

    _tables: dict[str, bytes]

    def get_table(self, tag: str) -> bytes:  # reportlab's name
        try:
            return self._tables[tag]
        except AttributeError:
            self._tables = {}
        except KeyError:
            pass
        table = self._tables[tag] = super().get_table(tag)
        return table


@dataclass(frozen=True)
class _SubsetPieces:
    widths: bytes  # the /Widths array, formatted
    to_unicode: bytes  # the ToUnicode CMap stream's content (compressed when the PDF is)
    font_file: bytes  # the subset font program (compressed when the PDF is)
    font_file_length: int  # its uncompressed length (/Length1)


class _Raw(pdfdoc.PDFObject):
    """A PDF value already formatted."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, document: Any) -> bytes:
        return self.data


class EmbeddedTTFont(TTFont):
    """`TTFont` with cached font tables and cached finished subsets (see the module docstring)."""

    def __init__(self, name: str, filename: str, subfontIndex: int = 0) -> None:  # noqa: N803
        super().__init__(name, filename, subfontIndex=subfontIndex)
        # The face reportlab parsed, given the table cache; its state is untouched.
        self.face.__class__ = _TableCachingFace
        self._lock = threading.Lock()
        self._subsets: OrderedDict[tuple[int, tuple[int, ...], bool], _SubsetPieces] = \
            OrderedDict()

    def reserve(self, doc: Any, wording: str) -> None:
        """Give the characters of `wording` the first codes of `doc`, alone in their subset(s).

        A document type's fixed wording (its headings in one language, the center's name) then
        makes the same first subset in every such document, built once and kept, and whatever
        is drawn later (a customer's name and address) starts a subset of its own, a fraction
        of the glyphs to build. Call before anything is drawn.
        """
        if not wording:
            return
        self.splitString(wording, doc)
        state = self.state[doc]
        if state.nextCode & 0xFF:
            state.nextCode = (state.nextCode | 0xFF) + 1  # the next character opens a new subset

    def addObjects(self, doc: Any) -> None:  # noqa: N802 (reportlab's name)
        """Add the font's subsets used by `doc` to it: font, descriptor, program, ToUnicode."""
        state = self.state.get(doc)
        if state is None:
            state = self.state[doc] = TTFont.State(self._asciiReadable)
        state.frozen = 1
        face = self.face
        compressed = bool(doc.compression)
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            base_name = b"".join((SUBSETN(n), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
            pieces = self._pieces(n, tuple(subset), compressed)

            pdf_font = pdfdoc.PDFTrueTypeFont()
            pdf_font.Name = internal_name
            pdf_font.BaseFont = base_name
            pdf_font.FirstChar = 0
            pdf_font.LastChar = len(subset) - 1
            pdf_font.Widths = _Raw(pieces.widths)
            pdf_font.ToUnicode = doc.Reference(_stream(pieces.to_unicode, compressed),
                                               "toUnicodeCMap:" + base_name)
            font_file = _stream(pieces.font_file, compressed)
            font_file.dictionary["Length1"] = pieces.font_file_length
            descriptor = pdfdoc.PDFDictionary({
                "Type": "/FontDescriptor",
                "Ascent": face.ascent,
                "CapHeight": face.capHeight,
                "Descent": face.descent,
                "Flags": (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC,
                "FontBBox": pdfdoc.PDFArray(face.bbox),
                "FontName": pdfdoc.PDFName(base_name),
                "ItalicAngle": face.italicAngle,
                "StemV": face.stemV,
                "FontFile2": doc.Reference(font_file, f"fontFile:{face.filename}({base_name})"),
                "MissingWidth": face.defaultWidth,
            })
            pdf_font.FontDescriptor = doc.Reference(descriptor, "fontDescriptor:" + base_name)
            doc.Reference(pdf_font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = pdf_font
        del self.state[doc]

    def _pieces(self, n: int, subset: tuple[int, ...], compressed: bool) -> _SubsetPieces:
        key = (n, subset, compressed)
        with self._lock:
            pieces = self._subsets.get(key)
            if pieces is not None:
                self._subsets.move_to_end(key)
                return pieces
        face = self.face
        base_name = b"".join((SUBSETN(n), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
        program = face.makeSubset(list(subset))
        to_unicode = makeToUnicodeCMap(base_name, list(subset)).encode("utf-8")
        widths = " ".join(_number(face.getCharWidth(code)) for code in subset)
        pieces = _SubsetPieces(
            f"[ {widths} ]".encode("ascii"),
            zlib.compress(to_unicode) if compressed else to_unicode,
            zlib.compress(program) if compressed else program,
            len(program))
        with self._lock:
            self._subsets[key] = pieces
            if len(self._subsets) > SUBSET_CACHE_SIZE:
                self._subsets.popitem(last=False)
        return pieces


def _stream(content: bytes, compressed: bool) -> pdfdoc.PDFStream:
    stream = pdfdoc.PDFStream(content=content)
    if compressed:
        stream.dictionary["Filter"] = "/FlateDecode"  # already applied: reportlab adds no filter
    return stream


def _number(value: float) -> str:
    """A glyph width as PDF writes numbers: at most two decimals, no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".")
