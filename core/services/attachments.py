"""Photos and logs attached to a unit on the repair bench.

A file added on the unit's page belongs to one of its findings, or else to the unit itself
(`attachment.unit_id`, schema 0006). Intake stores its photos with the parcel, and before 0006
the page filed unit-level files there too, so a unit's list also holds its parcel's files. Who
added a file is read from the audit log, which records every attachment in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import and_, func, or_, select

from core import audit, messages
from core.audit import Change
from core.errors import UserError
from core.findings import result_phrase, spec_named
from core.models import Attachment, AuditEntry, Finding, Unit
from core.permissions import Role, require
from core.services.repair import get_unit
from core.unit_of_work import UnitOfWork

MAX_BYTES = 20 * 1024 * 1024
NAME_LENGTH = 255  # Attachment.filename
# The types a bench produces; the platform's table (which varies between machines) answers the rest.
_KNOWN_TYPES = {
    ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".gif": "image/gif",
    ".webp": "image/webp", ".bmp": "image/bmp", ".heic": "image/heic", ".tif": "image/tiff",
    ".tiff": "image/tiff", ".pdf": "application/pdf", ".txt": "text/plain", ".log": "text/plain",
    ".csv": "text/csv", ".json": "application/json", ".xml": "application/xml",
    ".zip": "application/zip", ".gz": "application/gzip", ".mp4": "video/mp4",
}
# Audit actions whose entry says who stored an attachment: our own, and intake closing a parcel.
_ADD, _PARCEL_CLOSE = "attachment.add", "parcel.close"

messages.add({
    "attachment.too_large": {
        "en": "{name} is {size}; an attachment may be at most {limit}. Shrink the photo or "
              "attach part of the log.",
        "zh_CN": "{name} 大小为 {size}；附件最大 {limit}。请压缩照片，或只附加部分日志。",
        "zh_TW": "{name} 大小為 {size}；附件最大 {limit}。請壓縮照片，或只附加部分日誌。",
    },
    "attachment.no_name": {
        "en": "The attachment needs a file name.",
        "zh_CN": "附件需要文件名。",
        "zh_TW": "附件需要檔名。",
    },
    "attachment.missing": {
        "en": "{path} does not exist; choose the file again.",
        "zh_CN": "{path} 不存在；请重新选择文件。",
        "zh_TW": "{path} 不存在；請重新選擇檔案。",
    },
    "attachment.unreadable": {
        "en": "{path} cannot be read: {problem}.",
        "zh_CN": "无法读取 {path}：{problem}。",
        "zh_TW": "無法讀取 {path}：{problem}。",
    },
    "attachment.not_a_file": {
        "en": "{path} is not a file.",
        "zh_CN": "{path} 不是文件。",
        "zh_TW": "{path} 不是檔案。",
    },
    "attachment.empty": {
        "en": "{name} is empty; there is nothing to attach.",
        "zh_CN": "{name} 是空文件；没有可附加的内容。",
        "zh_TW": "{name} 是空檔案；沒有可附加的內容。",
    },
    "attachment.wrong_finding": {
        "en": "Finding {finding} is not a test of {serial}; choose one of its findings or the "
              "whole unit.",
        "zh_CN": "检测结果 {finding} 不属于 {serial}；请选择该设备的某项检测结果，或整台设备。",
        "zh_TW": "檢測結果 {finding} 不屬於 {serial}；請選擇該設備的某項檢測結果，或整台設備。",
    },
    "attachment.gone": {
        "en": "Attachment {attachment} does not exist any more.",
        "zh_CN": "附件 {attachment} 已不存在。",
        "zh_TW": "附件 {attachment} 已不存在。",
    },
})


@dataclass(frozen=True)
class AttachmentRow:
    """One attached file as the unit page lists it (without its content)."""

    id: int
    filename: str
    media_type: str
    size: int
    added_at: dt.datetime
    added_by: str
    finding: str  # the test name, or "" for a file of the unit or of its parcel
    on_unit: bool = False  # filed with the unit itself (else with a finding or the parcel)


def media_type_of(filename: str) -> str:
    suffix = Path(filename).suffix.lower()
    return _KNOWN_TYPES.get(suffix) or mimetypes.guess_type(filename)[0] or "application/octet-stream"


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def _too_large(name: str, size: int) -> UserError:
    return UserError.of("attachment.too_large", name=name, size=size_text(size),
                        limit=size_text(MAX_BYTES))


def _stored_name(filename: str) -> str:
    name = Path(filename.replace("\\", "/")).name.strip()
    if not name:
        raise UserError.of("attachment.no_name")
    if len(name) > NAME_LENGTH:
        suffix = Path(name).suffix[:20]
        name = name[:NAME_LENGTH - len(suffix)] + suffix
    return name


def read_file(path: str | Path) -> tuple[str, bytes]:
    """The file's name and bytes, refusing a missing, unreadable, empty or oversized file before
    reading it whole."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise UserError.of("attachment.missing", path=str(path)) from None
    except OSError as exc:
        raise UserError.of("attachment.unreadable", path=str(path),
                           problem=exc.strerror or str(exc)) from None
    if not path.is_file():
        raise UserError.of("attachment.not_a_file", path=str(path))
    if size > MAX_BYTES:
        raise _too_large(path.name, size)
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise UserError.of("attachment.unreadable", path=str(path),
                           problem=exc.strerror or str(exc)) from None
    return path.name, content


def attach(uow: UnitOfWork, unit_id: int, filename: str, content: bytes, *,
           finding_id: int | None = None) -> Attachment:
    """Store a photo or log for the unit: with the finding when one is given, else with the
    unit itself."""
    require(uow.actor, Role.REPAIR, action="attach photos and logs")
    unit = get_unit(uow, unit_id)
    name = _stored_name(filename)
    if not content:
        raise UserError.of("attachment.empty", name=name)
    if len(content) > MAX_BYTES:
        raise _too_large(name, len(content))
    if finding_id is not None:
        finding = uow.session.get(Finding, finding_id)
        if finding is None or finding.unit_id != unit.id:
            raise UserError.of("attachment.wrong_finding", finding=finding_id, serial=unit.serial)
    row = Attachment(unit_id=None if finding_id is not None else unit.id, finding_id=finding_id,
                     filename=name, media_type=media_type_of(name), content=bytes(content))
    uow.session.add(row)
    uow.session.flush()
    audit.record(uow, Change(_ADD, "attachment", str(row.id), unit.work_order_id, None,
                             {"unit": unit.serial, "file": name, "media_type": row.media_type,
                              "bytes": len(content), "finding": finding_id,
                              "on_unit": finding_id is None}))
    uow.commit()
    return row


def attach_file(uow: UnitOfWork, unit_id: int, path: str | Path, *,
                finding_id: int | None = None) -> Attachment:
    name, content = read_file(path)
    return attach(uow, unit_id, name, content, finding_id=finding_id)


def findings_of(uow: UnitOfWork, unit_id: int,
                language: str | None = "en") -> list[tuple[int, str]]:
    """The unit's findings a file may be attached to: (id, "test: value result"), latest first,
    the test, a choice and the result in `language` when the unit's test template knows them."""
    unit = get_unit(uow, unit_id)
    rows = uow.session.scalars(select(Finding).where(Finding.unit_id == unit_id)
                               .order_by(Finding.id.desc()))
    out = []
    for f in rows:
        spec = spec_named(unit.product.category, f.test_name)
        name = spec.name_in(language) if spec else f.test_name
        value = spec.choice_in(f.value or "", language) if spec else f.value
        result = result_phrase(f.result)
        shown = result if isinstance(result, str) else result.in_language(language)
        out.append((f.id, f"{name}: {value} {f.measure_unit} {shown}".replace("  ", " ")))
    return out


def test_name_in(uow: UnitOfWork, unit_id: int, stored: str, language: str | None) -> str:
    """A finding's stored (English) test name in `language`, as the unit's template names it."""
    spec = spec_named(get_unit(uow, unit_id).product.category, stored) if stored else None
    return spec.name_in(language) if spec else stored


def list_for_unit(uow: UnitOfWork, unit_id: int, *, parcel_only: bool = False) -> list[AttachmentRow]:
    """The unit's attachments, oldest first: its own and its parcel's, and (unless
    `parcel_only`) its findings'."""
    unit = get_unit(uow, unit_id)
    mine = [Attachment.unit_id == unit.id]
    if unit.intake_id is not None:
        mine.append(Attachment.intake_id == unit.intake_id)
    if not parcel_only:
        mine.append(Attachment.finding_id.in_(select(Finding.id).where(Finding.unit_id == unit.id)))
    rows = uow.session.execute(
        select(Attachment.id, Attachment.filename, Attachment.media_type,
               func.length(Attachment.content), Attachment.added_at, Attachment.intake_id,
               Finding.test_name, Attachment.unit_id)
        .outerjoin(Finding, Finding.id == Attachment.finding_id)
        .where(or_(*mine)).order_by(Attachment.added_at, Attachment.id)).all()
    who = _added_by(uow, unit)
    # A parcel photo stored by intake has no entry of its own: the parcel's closing says who.
    return [AttachmentRow(i, name, kind, int(size or 0), at,
                          who.get(str(i)) or who.get(f"parcel:{intake}", ""), test or "",
                          on_unit is not None)
            for i, name, kind, size, at, intake, test, on_unit in rows]


def _added_by(uow: UnitOfWork, unit: Unit) -> dict[str, str]:
    """Who stored each attachment ("id"), and who closed the unit's parcel ("parcel:id")."""
    entries = uow.session.execute(
        select(AuditEntry.action, AuditEntry.entity_id, AuditEntry.username).where(
            AuditEntry.work_order_id == unit.work_order_id,
            or_(AuditEntry.action == _ADD,
                and_(AuditEntry.action == _PARCEL_CLOSE,
                     AuditEntry.entity_id == str(unit.intake_id or ""))))).all()
    return {(key if action == _ADD else f"parcel:{key}"): user for action, key, user in entries}


def content_of(uow: UnitOfWork, attachment_id: int) -> tuple[str, str, bytes]:
    """(file name, media type, bytes) of one attachment, to open it."""
    row = uow.session.get(Attachment, attachment_id)
    if row is None:
        raise UserError.of("attachment.gone", attachment=attachment_id)
    return row.filename, row.media_type, bytes(row.content)

