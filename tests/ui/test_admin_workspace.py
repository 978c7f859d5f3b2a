"""The Admin workspace: settings round-trip, bad values refused, policies listed and assigned."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox
from sqlalchemy import select

from core import center
from core.models import Product
from core.unit_of_work import Actor, Database
from tests.core.test_admin_services import OWN_POLICY
from ui.admin.workspace import AdminWorkspace

ADMIN = Actor(username="root", roles=frozenset({"administrator"}))


def test_settings_round_trip_and_refuse_bad_values(qtbot, catalogue: Database) -> None:  # type: ignore[no-untyped-def]
    admin = AdminWorkspace(catalogue, ADMIN)
    qtbot.addWidget(admin)
    page = admin.center_tab
    page.fields["center.timezone"].setText("Nowhere/Land")
    assert not page.save()
    assert "Unknown time zone" in page.status.text()
    page.fields["center.timezone"].setText("Asia/Hong_Kong")
    page.fields["center.name"].setText("九龙维修中心")
    assert page.save()
    qtbot.waitUntil(lambda: not admin.saving.busy, timeout=10_000)
    assert page.status.text() == "Saved."
    with catalogue.uow() as uow:
        assert center.load(uow).get("center.name") == "九龙维修中心"
    again = AdminWorkspace(catalogue, ADMIN)
    qtbot.addWidget(again)
    assert again.center_tab.fields["center.timezone"].text() == "Asia/Hong_Kong"


def test_policy_file_added_and_assigned_from_the_screen(qtbot, catalogue: Database,  # type: ignore[no-untyped-def]
                                                        tmp_path: Path) -> None:
    admin = AdminWorkspace(catalogue, ADMIN)
    qtbot.addWidget(admin)
    page = admin.policies_tab
    assert page.list.count() == 4
    bad = tmp_path / "bad.toml"
    bad.write_text("code = 'x'\n", encoding="utf-8")
    assert not page.add_from_file(str(bad))
    assert "bad.toml" in admin.last_error
    good = tmp_path / "acme.toml"
    good.write_text(OWN_POLICY, encoding="utf-8")
    assert page.add_from_file(str(good))
    qtbot.waitUntil(lambda: not admin.saving.busy, timeout=10_000)
    assert page.list.count() == 5
    row = next(r for r in range(page.products.rowCount())
               if page.products.item(r, 0).text() == "CK-HMI-10")
    combo = page.products.cellWidget(row, 3)
    assert isinstance(combo, QComboBox)
    combo.setCurrentText("acme_cables")
    qtbot.waitUntil(lambda: not admin.saving.busy, timeout=10_000)
    with catalogue.uow() as uow:
        assert uow.session.scalar(select(Product.policy_code).where(
            Product.model == "CK-HMI-10")) == "acme_cables"


def test_scanner_is_chosen_in_settings_with_a_test_page(qtbot, catalogue: Database) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    QSettings().clear()
    admin = AdminWorkspace(catalogue, ADMIN)
    qtbot.addWidget(admin)
    page = admin.scanner_tab
    page.serial_port.setText("bad port")
    assert not page.save() and "no spaces" in page.status.text()
    page.serial_port.setText("/dev/ttyACM0")
    page.baud.setCurrentText("115200")
    page.test_page.threshold.setValue(80)
    assert page.save()
    settings = QSettings()
    assert settings.value("scanner/serial_port") == "/dev/ttyACM0"
    assert int(settings.value("scanner/baud")) == 115200
    assert int(settings.value("scanner/threshold_ms")) == 80
    row = page.test_page.record("]C101095011010209171719050810ABCD1234\x1d21SN1", "keyboard")
    assert "<GS>" in row.text(2) or "␝" in row.text(2)
    QSettings().clear()
