"""Working days, business hours and the center's time zone ("Time" in DOMAIN.md).

Working days skip weekends and public holidays of the center's country and count the make-up
working days China schedules on weekends (2025-09-28 Sunday, 2025-10-11 Saturday). The `holidays`
package knows those for announced years only; for a later year it silently estimates the holidays
without make-up days, so a deadline counted there could be wrong by several days. We detect such
a year and raise `CalendarNotAnnounced` instead of guessing; a supervisor who has checked the
estimate may accept the year with the setting `calendar.accept_unannounced_years`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays

from core import messages
from core.errors import UserError
from core.policies.schema import CalendarTerms

# Lower-case where the message is also the "problem" part of a policy file's refusal.
messages.add({
    "calendar.not_announced": {
        "en": "The {year} public-holiday calendar of {country} is not known yet (holidays "
              "{version} only estimates it, without make-up working days), so a deadline in "
              "{year} cannot be counted in working days. Check the official schedule, then set "
              "calendar.accept_unannounced_years to include {year}, or update the program.",
        "zh_CN": "{country} 的 {year} 年法定节假日安排尚未公布（holidays {version} "
                 "只能估算，不含调休上班日），因此 {year} 年的期限无法按工作日计算。"
                 "请核对官方安排后，在设置 calendar.accept_unannounced_years 中加入 {year}，"
                 "或更新程序。",
        "zh_TW": "{country} 的 {year} 年國定假日行事曆尚未公布（holidays {version} "
                 "只能估算，不含補班日），因此 {year} 年的期限無法按工作天計算。"
                 "請核對官方行事曆後，在設定 calendar.accept_unannounced_years 中加入 {year}，"
                 "或更新程式。",
    },
    "calendar.zone_out_of_range": {
        "en": "time zone {zone!r} is out of range",
        "zh_CN": "时区 {zone!r} 超出范围",
        "zh_TW": "時區 {zone!r} 超出範圍",
    },
    "calendar.zone_unknown": {
        "en": "time zone {zone!r} is not an offset like +08:00 or a zone name",
        "zh_CN": "时区 {zone!r} 既不是 +08:00 这样的偏移量，也不是时区名称",
        "zh_TW": "時區 {zone!r} 既不是 +08:00 這樣的時差，也不是時區名稱",
    },
    "calendar.no_country": {
        "en": "no public-holiday calendar for country {country!r}",
        "zh_CN": "没有国家 {country!r} 的法定节假日日历",
        "zh_TW": "沒有國家 {country!r} 的國定假日行事曆",
    },
    "calendar.not_a_year": {
        "en": "setting calendar.accept_unannounced_years: {value!r} is not a year",
        "zh_CN": "设置 calendar.accept_unannounced_years：{value!r} 不是年份",
        "zh_TW": "設定 calendar.accept_unannounced_years：{value!r} 不是年份",
    },
    "calendar.bad_hours": {
        "en": "setting calendar.business_hours: {value!r} is not like 09:00-18:00",
        "zh_CN": "设置 calendar.business_hours：{value!r} 的格式应为 09:00-18:00",
        "zh_TW": "設定 calendar.business_hours：{value!r} 的格式應為 09:00-18:00",
    },
    "calendar.hours_reversed": {
        "en": "setting calendar.business_hours: {value!r} ends before it starts",
        "zh_CN": "设置 calendar.business_hours：{value!r} 的结束时间早于开始时间",
        "zh_TW": "設定 calendar.business_hours：{value!r} 的結束時間早於開始時間",
    },
    "calendar.no_working_days": {
        "en": "no {days} working days found within three years after {start}",
        "zh_CN": "{start} 之后三年内找不到 {days} 个工作日",
        "zh_TW": "{start} 之後三年內找不到 {days} 個工作天",
    },
    "calendar.no_business_hours": {
        "en": "no {hours} business hours found within three years after {start}",
        "zh_CN": "{start} 之后三年内找不到 {hours} 个营业小时",
        "zh_TW": "{start} 之後三年內找不到 {hours} 個營業小時",
    },
})

# A deadline walk longer than this is a data error (a typo in a year), not a real deadline.
_MAX_WALK_DAYS = 3 * 366

_OFFSET = re.compile(r"^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)


class CalendarNotAnnounced(UserError):
    """The public-holiday calendar of a year is not announced yet, so working days are unknown."""

    def __init__(self, country: str, year: int) -> None:
        self.country, self.year = country, year
        self.key = "calendar.not_announced"
        self.params = {"year": year, "country": country, "version": holidays.__version__}
        super().__init__(messages.text(self.key, messages.DEFAULT_LANGUAGE, **self.params))


def parse_timezone(text: str) -> dt.tzinfo:
    """Read a time zone: a fixed offset ("+08:00", "UTC+8", "GMT+8"), "UTC" or an IANA name.

    Raises:
        UserError: The text is none of these.
    """
    text = text.strip()
    if text.upper() in ("UTC", "GMT", "Z"):
        return dt.UTC
    m = _OFFSET.match(text)
    if m:
        sign, hours, minutes = m.group(1), int(m.group(2)), int(m.group(3) or 0)
        if hours > 14 or minutes >= 60:
            raise UserError.of("calendar.zone_out_of_range", zone=text)
        offset = dt.timedelta(hours=hours, minutes=minutes)
        return dt.timezone(-offset if sign == "-" else offset)
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise UserError.of("calendar.zone_unknown", zone=text) from None


@functools.lru_cache(maxsize=256)
def _holidays_for(country: str, subdivision: str | None, year: int) -> holidays.HolidayBase:
    # One object per year, populated at creation: `is_working_day` on an object that has not yet
    # expanded to the year would miss that year's make-up weekend days.
    try:
        return holidays.country_holidays(country, subdiv=subdivision, years=year)
    except NotImplementedError:
        raise UserError.of("calendar.no_country", country=country) from None


def _parse_years(text: str) -> frozenset[int]:
    years = set()
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if part:
            if not part.isdigit():
                raise UserError.of("calendar.not_a_year", value=part)
            years.add(int(part))
    return frozenset(years)


@dataclass(frozen=True)
class WorkingCalendar:
    """The center's calendar: country holidays, time zone and business hours.

    Attributes:
        country: ISO country code for the `holidays` package.
        subdivision: Optional province/state code.
        tz: The time zone deadlines are stated in (UTC+8 for every seed vendor).
        business_start: Opening time on a business day.
        business_end: Closing time on a business day.
        business_days: "working_days" (country calendar incl. make-up days) or "weekdays"
            (plain Monday-Friday, holidays ignored).
        makeup_days: The country schedules make-up working days, so a year without them in the
            package is unannounced.
        accepted_years: Unannounced years a supervisor accepted anyway.
    """

    country: str = "CN"
    subdivision: str | None = None
    tz: dt.tzinfo = field(default=dt.timezone(dt.timedelta(hours=8)))
    business_start: dt.time = dt.time(9, 0)
    business_end: dt.time = dt.time(18, 0)
    business_days: str = "working_days"
    makeup_days: bool = True
    accepted_years: frozenset[int] = frozenset()

    @classmethod
    def from_terms(
        cls, terms: CalendarTerms, settings: Mapping[str, str] | None = None
    ) -> WorkingCalendar:
        """Build the calendar from a policy's terms, center settings taking precedence.

        Settings read: `calendar.country`, `calendar.subdivision`, `calendar.timezone`,
        `calendar.business_hours` ("09:00-18:00"), `calendar.accept_unannounced_years` ("2027").
        """
        s = settings or {}
        start, end = terms.business_start, terms.business_end
        if s.get("calendar.business_hours", "").strip():
            raw = s["calendar.business_hours"]
            try:
                a, b = raw.split("-")
                start, end = dt.time.fromisoformat(a.strip()), dt.time.fromisoformat(b.strip())
            except ValueError:
                raise UserError.of("calendar.bad_hours", value=raw) from None
            if end <= start:
                raise UserError.of("calendar.hours_reversed", value=raw)
        return cls(
            country=s.get("calendar.country") or terms.country,
            subdivision=s.get("calendar.subdivision") or terms.subdivision,
            tz=parse_timezone(s.get("calendar.timezone") or terms.timezone),
            business_start=start,
            business_end=end,
            business_days=terms.business_days,
            makeup_days=terms.makeup_days,
            accepted_years=_parse_years(s.get("calendar.accept_unannounced_years", "")),
        )

    def is_announced(self, year: int) -> bool:
        """Whether the package knows the official schedule of `year` (not an estimate)."""
        if not self.makeup_days or year in self.accepted_years:
            return True
        h = _holidays_for(self.country, self.subdivision, year)
        return any(d.year == year for d in h.weekend_workdays)

    def is_working_day(self, day: dt.date) -> bool:
        """Whether `day` is a working day, make-up weekend days included.

        Raises:
            CalendarNotAnnounced: The year's schedule is not known.
        """
        if not self.is_announced(day.year):
            raise CalendarNotAnnounced(self.country, day.year)
        return bool(_holidays_for(self.country, self.subdivision, day.year).is_working_day(day))

    def is_business_day(self, day: dt.date) -> bool:
        """Whether support is open on `day` (see `business_days`)."""
        if self.business_days == "weekdays":
            return day.weekday() < 5
        return self.is_working_day(day)

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day after `start`; `start` itself is day 0 and never counts.

        "Within 5 working days of receipt" on a Friday 2025-09-26 is 2025-10-10: the make-up
        Sunday 09-28 counts, the National Day holiday 10-01..10-08 does not.
        """
        return self._add_days(start, n, self.is_working_day)

    def add_business_days(self, start: dt.date, n: int) -> dt.date:
        """Like `add_working_days` over business days (support opening days)."""
        return self._add_days(start, n, self.is_business_day)

    def _add_days(self, start: dt.date, n: int, counts: object) -> dt.date:
        if n < 0:
            raise ValueError("n must not be negative")
        day, left = start, n
        for _ in range(_MAX_WALK_DAYS):
            if left == 0:
                return day
            day += dt.timedelta(days=1)
            if counts(day):  # type: ignore[operator]
                left -= 1
        raise UserError.of("calendar.no_working_days", days=n, start=start)

    def at(self, day: dt.date, time: dt.time) -> dt.datetime:
        """The aware instant `time` on local `day` in the center's zone."""
        return dt.datetime.combine(day, time, tzinfo=self.tz)

    def local_date(self, moment: dt.datetime) -> dt.date:
        """The calendar date of an aware instant in the center's zone."""
        return self.local(moment).date()

    def local(self, moment: dt.datetime) -> dt.datetime:
        """An aware instant converted to the center's zone; naive datetimes are refused."""
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError(f"naive datetime {moment!r}: give a time zone")
        return moment.astimezone(self.tz)

    def add_business_hours(self, start: dt.datetime, hours: float) -> dt.datetime:
        """The instant `hours` of support time after `start`.

        A request outside support hours starts the clock at the next opening; a due time that
        falls exactly on closing time stays on that day (14:00 + 4 h is 18:00, not 09:00 next day).
        """
        left = dt.timedelta(hours=hours)
        now = self.local(start)
        for _ in range(_MAX_WALK_DAYS):
            day = now.date()
            if self.is_business_day(day):
                opens, closes = self.at(day, self.business_start), self.at(day, self.business_end)
                begin = max(now, opens)
                if begin < closes:
                    if left <= closes - begin:
                        return begin + left
                    left -= closes - begin
            now = self.at(day + dt.timedelta(days=1), dt.time(0, 0))
        raise UserError.of("calendar.no_business_hours", hours=hours, start=start)
