"""Working days in China, make-up days, unannounced years, business hours, time zones."""

from __future__ import annotations

import datetime as dt

import pytest

from core.errors import UserError
from core.policies.calendar import CalendarNotAnnounced, WorkingCalendar, parse_timezone
from core.policies.schema import CalendarTerms
from tests.core.policies.conftest import CST, D

CN = WorkingCalendar()


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2025, 9, 26), True),   # Friday before National Day
        (D(2025, 9, 27), False),  # ordinary Saturday
        (D(2025, 9, 28), True),   # make-up Sunday
        (D(2025, 10, 1), False),  # National Day
        (D(2025, 10, 8), False),  # last day of the Golden Week
        (D(2025, 10, 9), True),
        (D(2025, 10, 11), True),  # make-up Saturday
        (D(2025, 10, 12), False),
        (D(2026, 1, 4), True),    # 2026 make-up Sunday (announced in holidays 0.109)
    ],
)
def test_is_working_day(day: dt.date, working: bool) -> None:
    assert CN.is_working_day(day) is working


@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        (D(2025, 9, 26), 0, D(2025, 9, 26)),
        (D(2025, 9, 26), 1, D(2025, 9, 28)),   # make-up Sunday counts
        (D(2025, 9, 26), 3, D(2025, 9, 30)),
        (D(2025, 9, 26), 4, D(2025, 10, 9)),   # holiday 10-01..10-08 skipped
        (D(2025, 9, 26), 5, D(2025, 10, 10)),
        (D(2025, 10, 9), 2, D(2025, 10, 11)),  # make-up Saturday counts
        (D(2025, 9, 27), 1, D(2025, 9, 28)),   # starting on a weekend
        (D(2025, 6, 6), 1, D(2025, 6, 9)),     # plain Friday -> Monday
    ],
)
def test_add_working_days(start: dt.date, n: int, due: dt.date) -> None:
    assert CN.add_working_days(start, n) == due


def test_unannounced_year_is_reported_not_guessed() -> None:
    assert CN.is_announced(2026)
    assert not CN.is_announced(2027)
    with pytest.raises(CalendarNotAnnounced) as err:
        CN.is_working_day(D(2027, 10, 4))
    assert err.value.year == 2027 and "2027" in str(err.value)
    assert err.value.in_language("zh_CN").startswith("CN 的 2027 年法定节假日安排尚未公布")
    assert "在設定 calendar.accept_unannounced_years 中加入 2027" in err.value.in_language("zh_TW")
    with pytest.raises(CalendarNotAnnounced):
        CN.add_working_days(D(2026, 12, 30), 5)  # a walk that crosses into 2027


def test_supervisor_may_accept_an_unannounced_year() -> None:
    cal = WorkingCalendar.from_terms(CalendarTerms(), {"calendar.accept_unannounced_years": "2027, 2028"})
    assert cal.is_working_day(D(2027, 3, 1))  # a Monday


def test_country_without_makeup_days_needs_no_announcement() -> None:
    cal = WorkingCalendar.from_terms(CalendarTerms(country="DE", makeup_days=False, timezone="Europe/Berlin"))
    assert cal.is_working_day(D(2031, 3, 3)) and not cal.is_working_day(D(2031, 12, 25))


@pytest.mark.parametrize(
    ("start", "hours", "due"),
    [
        (dt.datetime(2025, 6, 3, 10, 0, tzinfo=CST), 4, dt.datetime(2025, 6, 3, 14, 0, tzinfo=CST)),
        (dt.datetime(2025, 6, 3, 14, 0, tzinfo=CST), 4, dt.datetime(2025, 6, 3, 18, 0, tzinfo=CST)),  # closing time stays
        (dt.datetime(2025, 6, 3, 14, 1, tzinfo=CST), 4, dt.datetime(2025, 6, 4, 9, 1, tzinfo=CST)),
        (dt.datetime(2025, 6, 3, 7, 0, tzinfo=CST), 4, dt.datetime(2025, 6, 3, 13, 0, tzinfo=CST)),   # before opening
        (dt.datetime(2025, 6, 6, 17, 0, tzinfo=CST), 8, dt.datetime(2025, 6, 9, 16, 0, tzinfo=CST)),  # over a weekend
        (dt.datetime(2025, 9, 30, 17, 0, tzinfo=CST), 24, dt.datetime(2025, 10, 11, 14, 0, tzinfo=CST)),  # Golden Week + make-up Sat
        # 23:59 vs 00:00 UTC+8 given in UTC: 15:59Z is 23:59 local (closed), 16:00Z is next day 00:00.
        (dt.datetime(2025, 6, 3, 15, 59, tzinfo=dt.UTC), 1, dt.datetime(2025, 6, 4, 10, 0, tzinfo=CST)),
        (dt.datetime(2025, 6, 3, 1, 0, tzinfo=dt.UTC), 1, dt.datetime(2025, 6, 3, 10, 0, tzinfo=CST)),
    ],
)
def test_add_business_hours(start: dt.datetime, hours: int, due: dt.datetime) -> None:
    got = CN.add_business_hours(start, hours)
    assert got == due and got.utcoffset() == dt.timedelta(hours=8)


def test_business_hours_setting_and_weekday_mode() -> None:
    cal = WorkingCalendar.from_terms(CalendarTerms(business_days="weekdays"), {"calendar.business_hours": "08:30-18:00"})
    assert cal.business_start == dt.time(8, 30)
    assert cal.is_business_day(D(2025, 10, 1))  # weekday mode ignores the holiday
    assert not cal.is_business_day(D(2025, 10, 11))  # ...and the make-up Saturday
    with pytest.raises(UserError, match="calendar.business_hours") as err:
        WorkingCalendar.from_terms(CalendarTerms(), {"calendar.business_hours": "18:00-09:00"})
    assert err.value.in_language("zh_TW") == (
        "設定 calendar.business_hours：'18:00-09:00' 的結束時間早於開始時間")


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        CN.add_business_hours(dt.datetime(2025, 6, 3, 10, 0), 1)


@pytest.mark.parametrize(
    ("text", "offset"),
    [("+08:00", 8 * 60), ("UTC+8", 8 * 60), ("GMT+8", 8 * 60), ("UTC-05:30", -330), ("UTC", 0)],
)
def test_parse_timezone_offsets(text: str, offset: int) -> None:
    assert parse_timezone(text).utcoffset(None) == dt.timedelta(minutes=offset)


def test_parse_timezone_names_and_errors() -> None:
    assert parse_timezone("Asia/Shanghai").utcoffset(dt.datetime(2025, 1, 1)) == dt.timedelta(hours=8)
    for bad in ("Mars/Olympus", "+25:00", ""):
        with pytest.raises(UserError):
            parse_timezone(bad)
