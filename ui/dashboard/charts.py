"""The dashboard's pictures: one QChart per figure of `core.services.dashboard.Dashboard`.

Each builder takes the plain figures and returns a chart whose bar sets hold exactly the numbers
of the figure (tests read them back), with colours that keep their meaning across charts:
green is good, red is late or refused, grey is still open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QHorizontalBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont

from core.services.dashboard import Dashboard, ParcelDay

GOOD, BAD, OPEN, WARN, NEUTRAL = "#2e7d32", "#c62828", "#9e9e9e", "#ef6c00", "#1565c0"
# Refusal reasons, most frequent first: warm colours so they read as "refused" beside green.
REASON_COLOURS = ["#c62828", "#ef6c00", "#f9a825", "#ad1457", "#6d4c41", "#8e24aa", "#d84315",
                  "#795548", "#ff7043", "#bf360c"]
# Past two months, one bar a day is too thin to read: the picture shows weeks (the CSV keeps days).
WEEKLY_AFTER_DAYS = 62


def words(code: str) -> str:
    return code.replace("_", " ")


def _bar_set(name: str, values: Sequence[float], colour: str) -> QBarSet:
    bar_set = QBarSet(name)
    bar_set.append([float(v) for v in values])
    bar_set.setColor(QColor(colour))
    bar_set.setBorderColor(QColor(colour))
    return bar_set


def _chart(title: str, series: QAbstractBarSeries, categories: Sequence[str],
           *, horizontal: bool = False, unit: str = "") -> QChart:
    chart = QChart()
    chart.setTitle(title)
    title_font = QFont(chart.titleFont())
    title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
    title_font.setBold(True)
    chart.setTitleFont(title_font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setVisible(series.count() > 1)
    chart.addSeries(series)
    category_axis = QBarCategoryAxis()
    category_axis.append(list(categories) or [""])
    value_axis = QValueAxis()
    value_axis.setLabelFormat("%.0f" if not unit else "%.1f")
    if unit:
        value_axis.setTitleText(unit)
    top = 0.0
    totals: dict[int, float] = {}
    for bar_set in series.barSets():
        for i in range(bar_set.count()):
            if isinstance(series, QStackedBarSeries):
                totals[i] = totals.get(i, 0.0) + bar_set.at(i)
            else:
                top = max(top, bar_set.at(i))
    top = max([top, *totals.values()])
    value_axis.setRange(0, max(top * 1.1, 1.0))
    value_axis.applyNiceNumbers()
    if not unit:
        value_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        value_axis.setTickInterval(max(1.0, round(value_axis.max() / 5)))
    if horizontal:
        chart.addAxis(category_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
    else:
        chart.addAxis(category_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(category_axis)
    series.attachAxis(value_axis)
    return chart


def parcel_periods(board: Dashboard) -> list[tuple[str, ParcelDay]]:
    """(label, parcels) per bar: one a day, or one a week for a long period."""
    days = board.parcels
    if len(days) <= WEEKLY_AFTER_DAYS:
        return [(d.day.strftime("%m-%d"), d) for d in days]
    weeks: list[tuple[str, ParcelDay]] = []
    for start in range(0, len(days), 7):
        chunk = days[start:start + 7]
        reasons: dict[str, int] = {}
        for d in chunk:
            for reason, n in d.refused_by_reason.items():
                reasons[reason] = reasons.get(reason, 0) + n
        first: dt.date = chunk[0].day
        weeks.append((f"{first:%m-%d}", ParcelDay(first, sum(d.received for d in chunk), reasons)))
    return weeks


def parcels_chart(board: Dashboard) -> QChart:
    periods = parcel_periods(board)
    series = QStackedBarSeries()
    series.append(_bar_set("received", [p.received for _, p in periods], GOOD))
    for i, reason in enumerate(board.refusal_reasons):
        series.append(_bar_set(words(reason),
                               [p.refused_by_reason.get(reason, 0) for _, p in periods],
                               REASON_COLOURS[i % len(REASON_COLOURS)]))
    step = "week" if len(periods) < len(board.parcels) else "day"
    chart = _chart(f"Parcels per {step}: received, and refused by reason", series, [label for label, _ in periods])
    chart.axes(Qt.Orientation.Horizontal)[0].setLabelsAngle(-90)
    return chart


def states_chart(board: Dashboard) -> QChart:
    # Listed top down in the workflow's order: a horizontal axis draws its first category lowest.
    states = list(reversed(board.units_by_state.items()))
    series = QHorizontalBarSeries()
    series.append(_bar_set("units", [n for _, n in states], NEUTRAL))
    series.setLabelsVisible(True)
    return _chart("Units by state (work orders of the period)", series,
                  [words(s) for s, _ in states], horizontal=True)


def turnaround_chart(board: Dashboard) -> QChart:
    rows = board.turnaround
    series = QBarSeries()
    series.append(_bar_set("median", [round(t.median_days, 1) for t in rows], NEUTRAL))
    series.append(_bar_set("90th percentile", [round(t.p90_days, 1) for t in rows], WARN))
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    chart = _chart("Turnaround, received to shipped", series,
                   [f"{t.policy}<br>{t.units} units" for t in rows], unit="days")
    # Policy names are long beside four bars: a smaller font keeps them whole.
    axis = chart.axes(Qt.Orientation.Horizontal)[0]
    font = QFont(axis.labelsFont())
    font.setPointSizeF(font.pointSizeF() * 0.85)
    axis.setLabelsFont(font)
    return chart


def due_chart(board: Dashboard) -> QChart:
    rows = board.due
    series = QBarSeries()
    series.append(_bar_set("due today", [d.due_today for d in rows], WARN))
    series.append(_bar_set("overdue", [d.overdue for d in rows], BAD))
    series.setLabelsVisible(True)
    return _chart(f"Due today and overdue on {board.today:%Y-%m-%d}, by rule", series,
                  [d.rule for d in rows])


def service_level_chart(board: Dashboard) -> QChart:
    rows = board.service_levels
    series = QStackedBarSeries()
    series.append(_bar_set("met", [s.met for s in rows], GOOD))
    series.append(_bar_set("missed", [s.missed for s in rows], BAD))
    series.append(_bar_set("pending", [s.pending for s in rows], OPEN))
    if any(s.unknown for s in rows):
        series.append(_bar_set("cannot tell", [s.unknown for s in rows], "#616161"))
    series.setLabelsVisible(True)
    share = board.compliance
    headline = f"{share:.0%} met" if share is not None else "nothing to judge yet"
    return _chart(f"Service levels (D3): {headline}", series, [s.level for s in rows])


CHARTS = {"parcels": parcels_chart, "states": states_chart, "turnaround": turnaround_chart,
          "due": due_chart, "service_levels": service_level_chart}
