"""QR codes for documents: the module matrix for PDFs, and the symbol size for ZPL.

The matrix comes from zxing-cpp's encoder (C++, already a dependency for the scanner): about
0.1 ms a code, where reportlab's pure-Python encoder takes 6-12 ms, most of it trying all eight
mask patterns. A ZPL label needs no matrix at all, since the printer encodes the code itself:
only the side in modules, to choose the magnification, which follows from the data length.
"""

from __future__ import annotations

from functools import lru_cache

import zxingcpp

LEVELS = ("L", "M", "Q", "H")

# Data codewords of versions 1-40 at error correction level M (ISO/IEC 18004, table 7).
_DATA_CODEWORDS_M = (
    16, 28, 44, 64, 86, 108, 124, 154, 182, 216, 254, 290, 334, 365, 415, 453, 507, 563, 627, 669,
    714, 782, 860, 914, 1000, 1062, 1128, 1193, 1267, 1373, 1455, 1541, 1631, 1725, 1812, 1914,
    1992, 2102, 2216, 2334)


@lru_cache(maxsize=256)
def qr_matrix(value: str, level: str = "M") -> tuple[tuple[bool, ...], ...]:
    """The QR code's modules, row by row (True is dark), without the quiet zone.

    Cached: a batch of labels repeats few payloads, but a cached tuple costs nothing to share.
    """
    if level not in LEVELS:
        raise ValueError(f"QR error correction level must be one of {LEVELS}, not {level!r}")
    code = zxingcpp.create_barcode(value, zxingcpp.BarcodeFormat.QRCode, ec_level=level)
    image = memoryview(code.to_image(scale=1, add_quiet_zones=False))
    side = image.shape[0]
    pixels = image.tobytes()
    return tuple(tuple(p == 0 for p in pixels[r * side:(r + 1) * side]) for r in range(side))


def byte_mode_side(value: str) -> int:
    """Modules per side of the smallest level-M QR code holding `value` as UTF-8 bytes.

    Byte mode is the least dense mode, so this is the largest symbol any encoder would choose
    (a printer may pick a denser mode and print a smaller code, never a larger one). Used to
    size a ZPL `^BQ` code without encoding it.

    Raises:
        ValueError: When the data does not fit even a version 40 code.
    """
    length = len(value.encode("utf-8"))
    for version, codewords in enumerate(_DATA_CODEWORDS_M, start=1):
        count_bits = 8 if version < 10 else 16
        if 4 + count_bits + 8 * length <= 8 * codewords:
            return 17 + 4 * version
    raise ValueError(f"{length} bytes do not fit in a QR code")
