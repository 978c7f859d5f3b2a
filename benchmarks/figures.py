"""One benchmark figure beside its baseline, and the table and JSON the suite makes of them."""

from __future__ import annotations

import json
import statistics
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from benchmarks.common import percentile

# Samples are measured in seconds; a figure shown in milliseconds scales them. Other units
# (s, MB, scans/s) are shown as measured.
_SCALE = {"ms": 1000.0}


@dataclass
class Figure:
    scenario: str
    samples: list[float]
    baseline: list[float] = field(default_factory=list)
    baseline_name: str = ""
    target: str = ""
    unit: str = "ms"
    limit: float | None = None  # on the median, in `unit`
    p99_limit: float | None = None
    max_ratio: float | None = None
    max_p99_ratio: float | None = None
    higher_is_better: bool = False  # throughput: its p99 is the low end
    notes: str = ""  # a check beside the timing ("lost scans: 0")
    ok: bool = True  # whether that check held

    def _shown(self, values: list[float]) -> list[float]:
        scale = _SCALE.get(self.unit, 1.0)
        return [v * scale for v in values]

    def _p99(self, values: list[float]) -> float:
        return percentile(self._shown(values), 0.01 if self.higher_is_better else 0.99)

    @property
    def median(self) -> float | None:
        return statistics.median(self._shown(self.samples)) if self.samples else None

    @property
    def p99(self) -> float | None:
        return self._p99(self.samples) if self.samples else None

    @property
    def baseline_median(self) -> float | None:
        return statistics.median(self._shown(self.baseline)) if self.baseline else None

    @property
    def ratio(self) -> float | None:
        if self.median is None or not self.baseline_median:
            return None
        return self.median / self.baseline_median

    @property
    def p99_ratio(self) -> float | None:
        if self.p99 is None or not self.baseline:
            return None
        base = self._p99(self.baseline)
        return self.p99 / base if base else None

    @property
    def met(self) -> bool:
        if self.median is None or self.p99 is None:
            return False  # no figure: the scenario failed
        checks = [self.ok]
        if self.limit is not None:
            checks.append(self.median <= self.limit)
        if self.p99_limit is not None:
            checks.append(self.p99 <= self.p99_limit)
        if self.max_ratio is not None:
            checks.append(self.ratio is not None and self.ratio <= self.max_ratio)
        if self.max_p99_ratio is not None:
            checks.append(self.p99_ratio is not None and self.p99_ratio <= self.max_p99_ratio)
        return all(checks)

    @property
    def has_target(self) -> bool:
        return any(x is not None for x in (self.limit, self.p99_limit, self.max_ratio,
                                           self.max_p99_ratio)) or bool(self.notes)

    def as_json(self) -> dict[str, Any]:
        return asdict(self) | {"median": self.median, "p99": self.p99,
                               "baseline_median": self.baseline_median, "ratio": self.ratio,
                               "p99_ratio": self.p99_ratio, "met": self.met}


def failed(scenario: str, error: BaseException, rerun: str) -> Figure:
    """The row of a scenario that broke: the table keeps it, saying what went wrong."""
    return Figure(f"{scenario}: no figure", [], target="-", ok=False,
                  notes=f"failed: {type(error).__name__}: {error}. Run `{rerun}` alone to see "
                        "the whole error.")


def _number(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}" if abs(value) < 10 else f"{value:.1f}" if abs(value) < 1000 \
        else f"{value:,.0f}"


def _times(value: float | None) -> str:
    return "-" if value is None else f"{_number(value)}x"


COLUMNS = ("scenario", "runs", "median", "p99", "baseline", "ratio", "p99 ratio", "target",
           "met")


def table_rows(figures: list[Figure]) -> list[tuple[str, ...]]:
    """The table's cells, one tuple per figure, in COLUMNS order."""
    rows = []
    for f in figures:
        unit = f" {f.unit}"
        met = ("yes" if f.met else "NO") if f.has_target or f.median is None else "-"
        rows.append((f.scenario, str(len(f.samples)),
                     _number(f.median) + unit if f.median is not None else "-",
                     _number(f.p99) + unit if f.p99 is not None else "-",
                     _number(f.baseline_median) + unit if f.baseline else "-",
                     _times(f.ratio), _times(f.p99_ratio), f.target or "-", met))
    return rows


def print_table(figures: list[Figure], heading: str) -> None:
    rows = table_rows(figures)
    widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(COLUMNS)]
    print(f"\n{heading}")
    print("  ".join(c.ljust(w) if i in (0, 7) else c.rjust(w)
                    for i, (c, w) in enumerate(zip(COLUMNS, widths, strict=True))))
    for f, row in zip(figures, rows, strict=True):
        print("  ".join(c.ljust(w) if i in (0, 7) else c.rjust(w)
                        for i, (c, w) in enumerate(zip(row, widths, strict=True))))
        under = "; ".join(x for x in (f"baseline: {f.baseline_name}" if f.baseline_name
                                       else "", f.notes) if x)
        if under:
            print(f"    {under}")
    print("median and p99 over the runs counted (nearest rank: of a few runs, p99 is the worst); "
          "ratio = ours / baseline")


def markdown_table(figures: list[Figure]) -> str:
    """The same table in Markdown, for the README."""
    lines = ["| " + " | ".join((*COLUMNS, "checks and notes")) + " |",
             "|" + "---|" * (len(COLUMNS) + 1)]
    for f, row in zip(figures, table_rows(figures), strict=True):
        cells = [*row, f.notes]
        if f.baseline_name:
            cells[4] += f" ({f.baseline_name})"
        lines.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
    return "\n".join(lines)


def write_json(path: Path, figures: list[Figure], run: dict[str, Any]) -> None:
    """The run's record, one line per figure: tens of thousands of samples stay readable."""
    lines = []
    for f in figures:
        item = f.as_json()
        for key in ("samples", "baseline"):  # a microsecond is finer than any figure needs
            item[key] = [round(v, 6) for v in item[key]]
        lines.append(json.dumps(item, ensure_ascii=False))
    head = json.dumps(run, indent=2, ensure_ascii=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(head[:-2] + ',\n  "figures": [\n    ' + ",\n    ".join(lines) + "\n  ]\n}\n",
                    encoding="utf-8")


def read_json(path: Path) -> tuple[dict[str, Any], list[Figure]]:
    """A run written by `write_json`: its record, and its figures to print again."""
    record = json.loads(path.read_text(encoding="utf-8"))
    names = {f.name for f in fields(Figure)}
    figures = [Figure(**{k: v for k, v in item.items() if k in names})
               for item in record.pop("figures")]
    return record, figures
