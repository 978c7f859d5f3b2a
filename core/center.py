"""Center-wide settings shared by every station (stored in the `setting` table)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays
from sqlalchemy import select

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
        raise UserError(f"Unknown time zone {name!r}; use a name such as Asia/Shanghai.") from exc


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
        raise UserError("The center needs a name: it is printed on every label and report.")
    for key, value in values.items():
        months = value.strip()
        # A warranty length a policy leaves open: checked here, or a bad one would only show
        # when a unit of that vendor is next decided.
        if key.endswith(".warranty_months") and months and not (
                months.isascii() and months.isdigit() and 0 < int(months) <= 600):
            raise UserError(f"{key}: {months!r} is not a number of months; write a whole "
                            "number such as 12 or 24, or leave it empty while unknown.")
    language = values.get("center.document_language", "en").strip()
    if language not in LANGUAGES:
        raise UserError(f"Document language {language!r} is not one the documents are printed in; "
                        f"use one of {', '.join(LANGUAGES)}.")
    country = values.get("center.country", "CN").strip()
    if country not in holidays.list_supported_countries():
        raise UserError(f"Calendar country {country!r} has no public-holiday calendar; use an ISO "
                        "country code such as CN, HK, TW or DE.")


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
        from core.services.due_dates import refresh_for_settings  # a service over this module

        refresh_for_settings(uow, changed, progress)  # a warranty length or the calendar moves due dates
    uow.commit()


def local_time(moment: dt.datetime | None, tz: ZoneInfo) -> str:
    """A stored UTC time as the center's wall-clock time, for display."""
    if moment is None:
        return ""
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M")
