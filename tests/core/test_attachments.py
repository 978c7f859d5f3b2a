"""Photos and logs attached to a unit on the repair bench: stored, listed, refused when wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.errors import NotAllowed, UserError
from core.models import Attachment, AuditEntry, Finding
from core.services import attachments, intake, repair, work_orders
from core.unit_of_work import Actor, Database
from tests.conftest import SAMPLES
from tests.core.test_repair import TECH, received
from tests.core.test_warranty_decisions import make_work_order, unit_id

CLERK = Actor(username="sam", station="ship-1", roles=frozenset({"shipping"}))
BOSS = Actor(username="zhao", station="office", roles=frozenset({"supervisor"}))


def _count(db: Database) -> int:
    with db.uow() as uow:
        return int(uow.session.scalar(select(func.count(Attachment.id))) or 0)


def _tested(db: Database) -> tuple[int, int]:
    uid = received(db)
    with db.uow(TECH) as uow:
        repair.start_diagnosis(uow, uid)
    with db.uow(TECH) as uow:
        finding = repair.record_finding(uow, uid, "Touch test", "fail")
    return uid, finding.id


def test_photo_of_the_unit_and_log_of_a_finding_are_listed(catalogue: Database,
                                                           tmp_path: Path) -> None:
    uid, fid = _tested(catalogue)
    photo = tmp_path / "front panel.JPG"
    photo.write_bytes(b"\xff\xd8" + b"x" * 3000)
    log = tmp_path / "boot.log"
    log.write_text("E42 touch controller timeout\n")
    with catalogue.uow(TECH) as uow:
        attachments.attach_file(uow, uid, photo)
    with catalogue.uow(BOSS) as uow:  # a supervisor may attach too
        attachments.attach_file(uow, uid, log, finding_id=fid)
    with catalogue.uow() as uow:
        rows = attachments.list_for_unit(uow, uid)
        parcel = attachments.list_for_unit(uow, uid, parcel_only=True)
        assert attachments.findings_of(uow, uid) == [(fid, "Touch test: fail fail")]
        # For a Chinese screen: the template's names for the test, its choice and the result.
        assert attachments.findings_of(uow, uid, "zh_CN") == [(fid, "触摸测试: 未通过 不合格")]
        assert attachments.test_name_in(uow, uid, "Touch test", "zh_TW") == "觸控測試"
        assert attachments.test_name_in(uow, uid, "A test gone from the template", "zh_TW") == (
            "A test gone from the template")
        name, kind, content = attachments.content_of(uow, rows[1].id)
        actions = uow.session.scalars(select(AuditEntry.action)).all()
    assert [(r.filename, r.media_type, r.size, r.added_by, r.finding) for r in rows] == [
        ("front panel.JPG", "image/jpeg", 3002, "li", ""),
        ("boot.log", "text/plain", 29, "zhao", "Touch test")]
    assert [r.filename for r in parcel] == ["front panel.JPG"]
    assert (name, kind, content) == ("boot.log", "text/plain", log.read_bytes())
    assert actions.count("attachment.add") == 2


def test_intake_photos_show_who_closed_the_parcel(catalogue: Database) -> None:
    with catalogue.uow() as uow:
        work_orders.import_work_orders(uow, (SAMPLES / "work_orders.csv").read_bytes(),
                                       "work_orders.csv")
    ivy = Actor(username="ivy", station="bench-1", roles=frozenset({"intake"}))
    with catalogue.uow(ivy) as uow:
        outcome = intake.scan(uow, "RMA-2026-0001")
    with catalogue.uow(ivy) as uow:
        first = intake.scan(uow, "JMX16Q2405001", outcome.intake_id)
    with catalogue.uow(ivy) as uow:
        intake.close_parcel(uow, first.intake_id, photos=[("box.png", b"\x89PNG....")])
    with catalogue.uow() as uow:
        rows = attachments.list_for_unit(uow, unit_id(uow, "JMX16Q2405001"))
    assert [(r.filename, r.media_type, r.size, r.added_by) for r in rows] == [
        ("box.png", "image/png", 8, "ivy")]


def test_oversized_missing_and_empty_files_are_refused(catalogue: Database, tmp_path: Path) -> None:
    uid, _ = _tested(catalogue)
    big = tmp_path / "video.mp4"
    with big.open("wb") as out:
        out.truncate(attachments.MAX_BYTES + 1)  # sparse: no 20 MB written
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for path, words in ((big, "at most 20.0 MB"), (tmp_path / "gone.jpg", "does not exist"),
                        (empty, "is empty"), (tmp_path, "is not a file")):
        with catalogue.uow(TECH) as uow, pytest.raises(UserError, match=words):
            attachments.attach_file(uow, uid, path)
    with catalogue.uow(TECH) as uow, pytest.raises(UserError, match="at most"):
        attachments.attach(uow, uid, "dump.bin", b"0" * (attachments.MAX_BYTES + 1))
    assert _count(catalogue) == 0


def test_wrong_finding_unknown_unit_and_wrong_role_store_nothing(catalogue: Database) -> None:
    uid, fid = _tested(catalogue)
    with catalogue.uow(TECH) as uow, pytest.raises(UserError, match="not a test of"):
        attachments.attach(uow, uid, "a.png", b"x", finding_id=fid + 100)
    with catalogue.uow(TECH) as uow, pytest.raises(UserError, match="no unit"):
        attachments.attach(uow, uid + 100, "a.png", b"x")
    with catalogue.uow(CLERK) as uow, pytest.raises(NotAllowed, match="repair technician"):
        attachments.attach(uow, uid, "a.png", b"x")
    with catalogue.uow(TECH) as uow, pytest.raises(UserError, match="file name"):
        attachments.attach(uow, uid, "  ", b"x")
    assert _count(catalogue) == 0


def test_a_refused_attachment_reads_in_the_screen_language(catalogue: Database) -> None:
    uid, _ = _tested(catalogue)
    with catalogue.uow(TECH) as uow, pytest.raises(UserError) as refused:
        attachments.attach(uow, uid, "dump.bin", b"0" * (attachments.MAX_BYTES + 1))
    assert refused.value.in_language("zh_CN") == (
        "dump.bin 大小为 20.0 MB；附件最大 20.0 MB。请压缩照片，或只附加部分日志。")
    assert refused.value.in_language("zh_TW") == (
        "dump.bin 大小為 20.0 MB；附件最大 20.0 MB。請壓縮照片，或只附加部分日誌。")
    with catalogue.uow(TECH) as uow, pytest.raises(UserError) as refused:
        attachments.attach(uow, uid, "  ", b"x")
    assert refused.value.in_language("zh_TW") == "附件需要檔名。"
    assert refused.value.in_language("zh_CN") == "附件需要文件名。"


def test_long_names_keep_their_extension_and_paths_are_dropped(catalogue: Database) -> None:
    uid, _ = _tested(catalogue)
    with catalogue.uow(TECH) as uow:
        row = attachments.attach(uow, uid, "C:\\photos\\" + "a" * 300 + ".png", b"x")
    assert row.filename.endswith(".png") and len(row.filename) == 255
    assert row.filename.startswith("aaa") and row.media_type == "image/png"
    assert attachments.media_type_of("trace.unknownext") == "application/octet-stream"


def test_listing_on_postgresql_and_sqlite(any_database: Database) -> None:
    with any_database.uow() as uow:
        work_orders.import_products(uow, (SAMPLES / "products.csv").read_bytes(), "products.csv")
    uid, fid = _tested(any_database)
    with any_database.uow(TECH) as uow:
        attachments.attach(uow, uid, "psu.txt", "12.1 V 电压".encode(), finding_id=fid)
    with any_database.uow() as uow:
        rows = attachments.list_for_unit(uow, uid)
        assert uow.session.get(Finding, fid) is not None
    assert [(r.filename, r.size, r.finding) for r in rows] == [("psu.txt", 13, "Touch test")]


def test_a_unit_file_is_filed_with_the_unit_and_older_parcel_files_stay_listed(
        catalogue: Database) -> None:
    with catalogue.uow() as uow:
        wo = make_work_order(uow, "WO-1", "CK-HMI-10", ["S1", "S2"])  # one parcel, two units
        first, second = (u.id for u in wo.units)
        # A unit-level file from before schema 0006: filed with the parcel.
        uow.session.add(Attachment(intake_id=wo.units[0].intake_id, filename="old.jpg",
                                   media_type="image/jpeg", content=b"\xff\xd8old"))
        uow.commit()
    with catalogue.uow(TECH) as uow:
        row = attachments.attach(uow, first, "cracked screen.png", b"\x89PNG")
    with catalogue.uow() as uow:
        stored = uow.session.get(Attachment, row.id)
        assert (stored.unit_id, stored.intake_id, stored.finding_id) == (first, None, None)
        mine = attachments.list_for_unit(uow, first)
        on_intake_tab = attachments.list_for_unit(uow, first, parcel_only=True)
        other = attachments.list_for_unit(uow, second)
        entry = uow.session.scalars(select(AuditEntry.after).where(
            AuditEntry.action == "attachment.add")).one()
    assert [(r.filename, r.on_unit, r.added_by) for r in mine] == [
        ("old.jpg", False, ""), ("cracked screen.png", True, "li")]
    assert [r.filename for r in on_intake_tab] == ["old.jpg", "cracked screen.png"]
    # The other unit of the parcel no longer shows this unit's photo, only the parcel's.
    assert [r.filename for r in other] == ["old.jpg"]
    assert entry["on_unit"] is True and entry["unit"] == "S1"
