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
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QFont

from core.services.dashboard import NO_RULE, Dashboard, ParcelDay
from ui import i18n
from ui.work_orders.states import state_text

GOOD, BAD, OPEN, WARN, NEUTRAL = "#2e7d32", "#c62828", "#9e9e9e", "#ef6c00", "#1565c0"
# Refusal reasons, most frequent first: warm colours so they read as "refused" beside green.
REASON_COLOURS = ["#c62828", "#ef6c00", "#f9a825", "#ad1457", "#6d4c41", "#8e24aa", "#d84315",
                  "#795548", "#ff7043", "#bf360c"]
# Past two months, one bar a day is too thin to read: the picture shows weeks (the CSV keeps days).
WEEKLY_AFTER_DAYS = 62

# Refusal reasons as a legend names them: short, unlike the bench's full sentences.
_REASONS = {
    "no_work_order": QT_TRANSLATE_NOOP("DashboardCharts", "no work order"),
    "not_on_work_order": QT_TRANSLATE_NOOP("DashboardCharts", "not on work order"),
    "wrong_model": QT_TRANSLATE_NOOP("DashboardCharts", "wrong model"),
    "already_received": QT_TRANSLATE_NOOP("DashboardCharts", "already received"),
    "work_order_closed": QT_TRANSLATE_NOOP("DashboardCharts", "work order closed"),
    "work_order_incomplete": QT_TRANSLATE_NOOP("DashboardCharts", "work order incomplete"),
    "missing_order_number": QT_TRANSLATE_NOOP("DashboardCharts", "missing order number"),
    "missing_diagnosis_report": QT_TRANSLATE_NOOP("DashboardCharts", "missing diagnosis report"),
    "unreadable": QT_TRANSLATE_NOOP("DashboardCharts", "unreadable"),
    "keyboard_layout": QT_TRANSLATE_NOOP("DashboardCharts", "keyboard layout"),
    "ambiguous_serial": QT_TRANSLATE_NOOP("DashboardCharts", "ambiguous serial"),
    "parcel_open": QT_TRANSLATE_NOOP("DashboardCharts", "parcel open"),
    "refused_by_technician": QT_TRANSLATE_NOOP("DashboardCharts", "refused by technician"),
    "no_reason_given": QT_TRANSLATE_NOOP("DashboardCharts", "no reason given"),
}

# A plain name, so that lupdate finds the strings of every call.
translate = QCoreApplication.translate


def words(code: str) -> str:
    return code.replace("_", " ")


def reason_words(code: str) -> str:
    """A refusal reason's code as the legend shows it, in the screen's language."""
    label = _REASONS.get(code)
    return translate("DashboardCharts", label) if label else words(code)


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
    series.append(_bar_set(translate("DashboardCharts", "received"),
                           [p.received for _, p in periods], GOOD))
    for i, reason in enumerate(board.refusal_reasons):
        series.append(_bar_set(reason_words(reason),
                               [p.refused_by_reason.get(reason, 0) for _, p in periods],
                               REASON_COLOURS[i % len(REASON_COLOURS)]))
    if len(periods) < len(board.parcels):
        title = translate("DashboardCharts", "Parcels per week: received, and refused by reason")
    else:
        title = translate("DashboardCharts", "Parcels per day: received, and refused by reason")
    chart = _chart(title, series, [label for label, _ in periods])
    chart.axes(Qt.Orientation.Horizontal)[0].setLabelsAngle(-90)
    return chart


def states_chart(board: Dashboard) -> QChart:
    # Listed top down in the workflow's order: a horizontal axis draws its first category lowest.
    states = list(reversed(board.units_by_state.items()))
    series = QHorizontalBarSeries()
    series.append(_bar_set(translate("DashboardCharts", "units"), [n for _, n in states], NEUTRAL))
    series.setLabelsVisible(True)
    return _chart(translate("DashboardCharts", "Units by state (work orders of the period)"),
                  series, [state_text(s) for s, _ in states], horizontal=True)


def turnaround_chart(board: Dashboard) -> QChart:
    rows = board.turnaround
    series = QBarSeries()
    series.append(_bar_set(translate("DashboardCharts", "median"),
                           [round(t.median_days, 1) for t in rows], NEUTRAL))
    series.append(_bar_set(translate("DashboardCharts", "90th percentile"),
                           [round(t.p90_days, 1) for t in rows], WARN))
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    categories = [translate("DashboardCharts", "{0}<br>{1} units").format(
        t.policy, i18n.number_text(t.units)) for t in rows]
    chart = _chart(translate("DashboardCharts", "Turnaround, received to shipped"), series,
                   categories, unit=translate("DashboardCharts", "days"))
    # Policy names are long beside four bars: a smaller font keeps them whole.
    axis = chart.axes(Qt.Orientation.Horizontal)[0]
    font = QFont(axis.labelsFont())
    font.setPointSizeF(font.pointSizeF() * 0.85)
    axis.setLabelsFont(font)
    return chart


def due_chart(board: Dashboard) -> QChart:
    rows = board.due
    series = QBarSeries()
    series.append(_bar_set(translate("DashboardCharts", "due today"),
                           [d.due_today for d in rows], WARN))
    series.append(_bar_set(translate("DashboardCharts", "overdue"), [d.overdue for d in rows], BAD))
    series.setLabelsVisible(True)
    title = translate("DashboardCharts", "Due today and overdue on {0}, by rule").format(
        i18n.date_text(board.today))
    # Rules keep their codes (S1, D2) in every language, as the rules and documents name them.
    rules = [translate("DashboardCharts", "no rule") if d.rule == NO_RULE else d.rule
             for d in rows]
    return _chart(title, series, rules)


def service_level_chart(board: Dashboard) -> QChart:
    rows = board.service_levels
    series = QStackedBarSeries()
    series.append(_bar_set(translate("DashboardCharts", "met"), [s.met for s in rows], GOOD))
    series.append(_bar_set(translate("DashboardCharts", "missed"), [s.missed for s in rows], BAD))
    series.append(_bar_set(translate("DashboardCharts", "pending"),
                           [s.pending for s in rows], OPEN))
    if any(s.unknown for s in rows):
        series.append(_bar_set(translate("DashboardCharts", "cannot tell"),
                               [s.unknown for s in rows], "#616161"))
    series.setLabelsVisible(True)
    share = board.compliance
    if share is None:
        title = translate("DashboardCharts", "Service levels (D3): nothing to judge yet")
    else:
        title = translate("DashboardCharts", "Service levels (D3): {0}% met").format(
            round(share * 100))
    return _chart(title, series, [s.level for s in rows])


CHARTS = {"parcels": parcels_chart, "states": states_chart, "turnaround": turnaround_chart,
          "due": due_chart, "service_levels": service_level_chart}
