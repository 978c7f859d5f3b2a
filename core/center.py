"""Center-wide settings shared by every station (stored in the `setting` table)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select

from core.errors import UserError
from core.models import Setting
from core.unit_of_work import UnitOfWork

DEFAULTS: dict[str, str] = {
    "center.name": "RepairBench Service Center",
    "center.address": "",
    "center.phone": "",
    "center.timezone": "Asia/Shanghai",
    "center.country": "CN",
    "center.currency": "CNY",
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


def local_time(moment: dt.datetime | None, tz: ZoneInfo) -> str:
    """A stored UTC time as the center's wall-clock time, for display."""
    if moment is None:
        return ""
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M")
