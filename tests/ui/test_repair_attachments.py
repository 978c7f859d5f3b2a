"""Photos and logs from the unit page's intake and findings tabs."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from core.models import Attachment
from core.services import attachments, repair
from core.unit_of_work import Database
from tests.ui.test_repair_workspace import TECH, _received, _workspace


def _files(tmp_path: Path) -> tuple[Path, Path, Path]:
    photo = tmp_path / "hashboard.png"
    photo.write_bytes(b"\x89PNG" + b"\0" * 2044)
    log = tmp_path / "kernel.log"
    log.write_text("chain 3: 0 chips\n")
    big = tmp_path / "video.mp4"
    with big.open("wb") as out:
        out.truncate(attachments.MAX_BYTES + 1)
    return photo, log, big


def test_attach_list_and_open_from_both_tabs(qtbot, catalogue: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    uid = _received(catalogue)
    with catalogue.uow(TECH) as uow:
        repair.start_diagnosis(uow, uid)
    with catalogue.uow(TECH) as uow:
        finding = repair.record_finding(uow, uid, "Hashboard 3 chips detected", "0")
    photo, log, _ = _files(tmp_path)
    ws = _workspace(qtbot, catalogue)
    page = ws.page
    ws.open_serial("JM-1")

    assert page.intake_files.attach_files([photo]) == 1
    assert "Attached hashboard.png." in page.message.text()
    # Filed with the unit, not counted among the parcel's photos on arrival.
    assert "Photos: 0" in page.intake_label.text()
    files = page.finding_files
    files.choose_finding(finding.id)
    assert files.attach_files([log]) == 1
    table = files.table
    assert [[table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())] == [
        ["hashboard.png", "image/png", "2 KB", "unit", "li"],
        ["kernel.log", "text/plain", "17 B", "Hashboard 3 chips detected", "li"]]
    assert page.intake_files.table.rowCount() == 1  # the unit's and the parcel's, no finding's

    opened: list[Path] = []
    files.open_file = lambda path: opened.append(path) or True
    table.setCurrentCell(1, 0)
    path = files.open_row()
    assert path is not None and opened == [path] and path.read_bytes() == log.read_bytes()


def test_oversized_and_missing_files_are_refused_the_others_kept(qtbot, catalogue: Database,  # type: ignore[no-untyped-def]
                                                                 tmp_path: Path) -> None:
    _received(catalogue)
    photo, _, big = _files(tmp_path)
    ws = _workspace(qtbot, catalogue)
    ws.open_serial("JM-1")
    panel = ws.page.finding_files
    assert panel.attach_files([big, tmp_path / "gone.jpg", photo]) == 1
    text = ws.page.message.text()
    assert "Attached hashboard.png." in text
    assert "video.mp4 is 20.0 MB; an attachment may be at most 20.0 MB" in text
    assert "gone.jpg does not exist" in text
    with catalogue.uow() as uow:
        assert uow.session.scalar(select(func.count(Attachment.id))) == 1
    assert panel.table.rowCount() == 1
    panel.table.clearSelection()
    panel.table.setCurrentCell(-1, -1)
    assert panel.open_row() is None and "Choose a file" in ws.page.message.text()
