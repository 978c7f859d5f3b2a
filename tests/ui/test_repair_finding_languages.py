"""The findings tab in the screen's language: a Chinese screen names the template's tests and
choices in Chinese, and what is saved is still the English test name and choice value."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit
from sqlalchemy import select

from core.models import Finding, UnitStatus
from core.unit_of_work import Database
from tests.ui.test_repair_workspace import TECH, _received, _status
from ui import i18n
from ui.repair.workspace import RepairWorkspace


@pytest.fixture
def screen_language(qapp) -> Iterator[Callable[[str], str]]:  # type: ignore[no-untyped-def]
    """Switch the screens' language as the program does at start; English again afterwards."""
    yield lambda code: i18n.install(code, app=qapp)
    i18n.install("en", app=qapp)


def _findings(db: Database) -> dict[str, tuple[str, str]]:
    with db.uow() as uow:
        return {f.test_name: (f.value or "", f.result)
                for f in uow.session.scalars(select(Finding))}


@pytest.mark.parametrize(("code", "chips", "fan", "noisy", "ok"), [
    ("zh_CN", "1号算力板芯片数", "风扇测试", "异响", "正常"),
    ("zh_TW", "1號算力板晶片數", "風扇測試", "異音", "正常"),
    ("en", "Hashboard 1 chips detected", "Fan test", "noisy", "ok"),
])
def test_findings_show_the_language_and_save_english(  # type: ignore[no-untyped-def]
        qtbot, catalogue: Database, screen_language, code: str, chips: str, fan: str, noisy: str,
        ok: str) -> None:
    uid = _received(catalogue)
    screen_language(code)
    ws = RepairWorkspace(catalogue, TECH, dt.UTC, capture_scans=False)
    qtbot.addWidget(ws)
    ws.show()
    assert ws.open_serial("JM-1")
    page = ws.page
    page.start_diagnosis()
    assert _status(catalogue, uid) == UnitStatus.IN_DIAGNOSIS
    labels = [w.text() for w in page.findings.findChildren(QLabel)]
    assert chips in labels and fan in labels
    assert "Hashboard 1 chips detected" not in labels or code == "en"

    box = page.value_edits["Fan test"]
    assert isinstance(box, QComboBox)
    shown = [box.itemText(i) for i in range(box.count())]
    assert shown[1:3] == [ok, noisy]
    box.setCurrentIndex(box.findText(noisy))
    assert box.property("out_of_limit") is True  # noisy fails, whatever the language
    line = page.value_edits["Hashboard 1 chips detected"]
    assert isinstance(line, QLineEdit)
    line.setText("126")
    page.save_findings()  # what the tab's Save findings button runs
    assert _findings(catalogue) == {"Fan test": ("noisy", "fail"),
                                    "Hashboard 1 chips detected": ("126", "pass")}

    # Shown again after the save: the choice comes back in the language, not as the stored word.
    box = page.value_edits["Fan test"]
    assert isinstance(box, QComboBox)
    assert box.currentText() == noisy and box.currentData() == "noisy"
    box.setCurrentIndex(box.findData("ok"))
    page.save_findings()
    assert _findings(catalogue)["Fan test"] == ("ok", "pass")
