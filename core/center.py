"""Center-wide settings shared by every station (stored in the `setting` table)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays
from sqlalchemy import select

from core import messages
from core.errors import UserError
from core.messages import LANGUAGES
from core.models import Setting
from core.unit_of_work import UnitOfWork

DEFAULTS: dict[str, str] = {
    "center.name": "RepairBench Service Center",
    "center.address": "",
    "center.phone": "",
    "center.timezone": "Asia/Shanghai",
    "center.country": "CN",
    "center.currency": "CNY",
    # Labels, reports, quotes and slips of a customer who has no language of their own.
    "center.document_language": "en",
}

messages.add({
    "center.bad_timezone": {
        "en": "Unknown time zone {zone!r}; use a name such as Asia/Shanghai.",
        "zh_CN": "未知时区 {zone!r}；请使用 Asia/Shanghai 这样的名称。",
        "zh_TW": "未知時區 {zone!r}；請使用 Asia/Taipei 這樣的名稱。",
    },
    "center.no_name": {
        "en": "The center needs a name: it is printed on every label and report.",
        "zh_CN": "维修中心必须有名称：每张标签和报告上都会打印它。",
        "zh_TW": "維修中心必須有名稱：每張標籤和報告上都會列印它。",
    },
    "center.bad_months": {
        "en": "{setting}: {months!r} is not a number of months; write a whole number such as 12 "
              "or 24, or leave it empty while unknown.",
        "zh_CN": "{setting}：{months!r} 不是月数；请填写整数，例如 12 或 24，未知时请留空。",
        "zh_TW": "{setting}：{months!r} 不是月數；請填寫整數，例如 12 或 24，未知時請留空。",
    },
    "center.bad_language": {
        "en": "Document language {code!r} is not one the documents are printed in; use one of "
              "{codes}.",
        "zh_CN": "单据语言 {code!r} 不是可打印的语言；请使用以下之一：{codes}。",
        "zh_TW": "單據語言 {code!r} 不是可列印的語言；請使用以下之一：{codes}。",
    },
    "center.bad_country": {
        "en": "Calendar country {country!r} has no public-holiday calendar; use an ISO country "
              "code such as CN, HK, TW or DE.",
        "zh_CN": "日历国家 {country!r} 没有法定节假日日历；请使用 ISO 国家代码，例如 CN、HK、TW 或 DE。",
        "zh_TW": "行事曆國家 {country!r} 沒有國定假日行事曆；請使用 ISO 國家代碼，例如 CN、HK、TW 或 DE。",
    },
})


@dataclass(frozen=True)
class CenterSettings:
    values: dict[str, str]

    def get(self, key: str) -> str:
        return self.values.get(key, DEFAULTS.get(key, ""))

    @property
    def timezone(self) -> ZoneInfo:
        return zone(self.get("center.timezone"))


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise UserError.of("center.bad_timezone", zone=name) from exc


def load(uow: UnitOfWork) -> CenterSettings:
    rows = uow.session.execute(select(Setting.key, Setting.value)).all()
    return CenterSettings({**DEFAULTS, **{k: v for k, v in rows}})


def store(uow: UnitOfWork, key: str, value: str) -> None:
    row = uow.session.get(Setting, key)
    if row is None:
        uow.session.add(Setting(key=key, value=value))
    else:
        row.value = value


def check(values: dict[str, str]) -> None:
    """Refuse a value that would break labels or deadlines; the message names the setting."""
    if "center.timezone" in values:
        zone(values["center.timezone"].strip())
    if not values.get("center.name", "x").strip():
        raise UserError.of("center.no_name")
    for key, value in values.items():
        months = value.strip()
        # A warranty length a policy leaves open: checked here, or a bad one would only show
        # when a unit of that vendor is next decided.
        if key.endswith(".warranty_months") and months and not (
                months.isascii() and months.isdigit() and 0 < int(months) <= 600):
            raise UserError.of("center.bad_months", setting=key, months=months)
    language = values.get("center.document_language", "en").strip()
    if language not in LANGUAGES:
        raise UserError.of("center.bad_language", code=language, codes=", ".join(LANGUAGES))
    country = values.get("center.country", "CN").strip()
    if country not in holidays.list_supported_countries():
        raise UserError.of("center.bad_country", country=country)


def save(uow: UnitOfWork, values: dict[str, str],
         progress: Callable[[int, int], None] | None = None) -> None:
    """Save center-wide settings after checking them; audited. Supervisors and administrators.

    The due dates that read a changed setting are recomputed in the same transaction
    (`progress(done, total)` follows that, in work orders)."""
    from core import audit
    from core.audit import Change
    from core.permissions import Role, require

    require(uow.actor, Role.SUPERVISOR, Role.ADMINISTRATOR, action="change center settings")
    check(values)
    current = load(uow)
    changed = {k: v.strip() for k, v in values.items() if current.get(k) != v.strip()}
    for key, value in changed.items():
        store(uow, key, value)
    if changed:
        audit.record(uow, Change("settings.save", "setting", ",".join(sorted(changed)), None,
                                 {k: current.get(k) for k in changed}, changed))
        # Imported here: due_dates is a service over this module.
        from core.services.due_dates import refresh_for_settings

        refresh_for_settings(uow, changed, progress)  # a warranty length or the calendar moves due dates
    uow.commit()


def local_time(moment: dt.datetime | None, tz: ZoneInfo) -> str:
    """A stored UTC time as the center's wall-clock time, for display."""
    if moment is None:
        return ""
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M")
