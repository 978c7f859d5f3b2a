"""Time to produce documents, beside a minimal reportlab page timed in the same run.

Run: `python -m benchmarks.bench_documents [--labels N] [--reports N]`. The ratios say what our
documents cost over reportlab itself on this machine, so they compare across machines better
than the seconds do.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import time
from collections.abc import Callable
from decimal import Decimal
from io import BytesIO

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from reports.data import (
    Address,
    CenterInfo,
    FindingRow,
    LabelData,
    RepairLine,
    ReportData,
    ReportUnit,
)
from reports.fonts import cjk_font
from reports.pdf_label import render_label_pdf, render_labels_pdf
from reports.pdf_report import render_report_pdf
from reports.zpl import render_label_zpl

CENTER = CenterInfo("华南维修中心 South China Repair Center", "深圳市南山区科技园 88 号", "0755-8888 0000")
RECIPIENT = Address("张三 Zhang San", "深圳市某某科技有限公司", "138 0013 8000",
                    ("南山区科技园南区 R2-B 栋 5 楼 Room 501",), "深圳", "广东", "518057", "中国 China")


def minimal_page() -> bytes:
    """One page with a line of Helvetica and a Code 128: reportlab's floor for a label."""
    buf = BytesIO()
    canvas = Canvas(buf, pagesize=A4)
    canvas.setFont("Helvetica", 12)
    canvas.drawString(72, 760, "RB-2025-000123 John Smith, 1200 Market Street")
    Code128("SF1402345678901").drawOn(canvas, 72, 700)
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def label(n: int) -> LabelData:
    return LabelData(CENTER, RECIPIENT, "SF Express 顺丰速运", "标快", f"SF14{n:011d}",
                     "RB-2025-000123", 1, 2, Decimal("1234.50"), "CNY", "split",
                     (f"JM{n:08d}", f"JM{n + 1:08d}"))


def report(n: int) -> ReportData:
    findings = tuple(FindingRow(f"电源测试 PSU test {k}", "pass", "12.1", "V", "11.5 – 13.5", "")
                     for k in range(10))
    units = tuple(ReportUnit(f"JM{n:06d}{u}", "X16-Q", "完好 intact", findings, "fan",
                             "保修范围内 Covered", "出厂 2025-01-10, 收到 2025-09-30 (W2).",
                             (RepairLine("更换风扇 Replaced fan", "P-100 Fan", 1),))
                  for u in range(3))
    return ReportData(CENTER, f"RB-2025-{n:06d}", RECIPIENT, RECIPIENT, units, (), "CNY",
                      "王工", dt.date(2025, 10, 9))


def timed(count: int, make: Callable[[int], object]) -> float:
    start = time.perf_counter()
    for i in range(count):
        make(i)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=int, default=1000)
    parser.add_argument("--reports", type=int, default=100)
    args = parser.parse_args(argv)

    start = time.perf_counter()
    cjk_font()
    print(f"register CJK font (once per process): {time.perf_counter() - start:.3f} s")
    for warm in (minimal_page, lambda: render_label_pdf(label(0)), lambda: render_report_pdf(
            report(0)), lambda: render_label_zpl(label(0))):
        warm()  # first-call imports and caches are not what we measure

    base = timed(args.labels, lambda i: minimal_page()) / args.labels
    rows = [
        ("minimal reportlab page", args.labels, base * args.labels),
        ("label PDF, one file each", args.labels, timed(args.labels, lambda i: render_label_pdf(
            label(i)))),
        ("label PDF, one file for all", args.labels, _batch(args.labels)),
        ("label ZPL 203 dpi", args.labels, timed(args.labels, lambda i: render_label_zpl(
            label(i)))),
        ("label ZPL 300 dpi", args.labels, timed(args.labels, lambda i: render_label_zpl(
            label(i), dpi=300))),
        ("label ZPL 203 dpi, ASCII only", args.labels, timed(args.labels, lambda i: render_label_zpl(
            dataclasses.replace(label(i), recipient=Address(
                "John Smith", "Acme", "555", ("1200 Market St",), "SF", "CA", "94103", "USA"),
                carrier="SF Express", service="Std", freight_payer="x", sender=CenterInfo(
                    "South China Repair Center", "88 Keyuan Rd", "0755"))))),
        ("repair report (3 units x 10 findings)", args.reports, timed(
            args.reports, lambda i: render_report_pdf(report(i)))),
    ]
    print(f"{'document':40} {'count':>6} {'total s':>9} {'ms each':>9} {'x minimal page':>15}")
    for name, count, total in rows:
        each = total / count
        print(f"{name:40} {count:6d} {total:9.2f} {each * 1000:9.2f} {each / base:15.1f}")


def _batch(count: int) -> float:
    start = time.perf_counter()
    render_labels_pdf(label(i) for i in range(count))
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
