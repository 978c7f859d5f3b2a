"""`label` and `report` on the command line: real process, real database, files decoded back."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from core import db
from core.models import Diagnosis, Finding, RepairAction, Unit
from core.services import shipping
from core.unit_of_work import Database
from tests.cli.accounts import add_demo_accounts
from tests.cli.test_cli import run
from tests.core.test_shipping import CLERK, stock, unit_ids
from tests.reports.pdftools import all_text, decoded_pages


def prepared(url: str) -> Database:
    """WO-1 with three ready Jasminer units packed in two parcels (batch of 2), with tracking;
    the demo accounts (the shipping clerk sam prints)."""
    add_demo_accounts(url)
    database = Database(db.make_engine(url))
    stock(database, {"WO-1": [("SN-A1", "JM-X16-Q"), ("SN-A2", "JM-X16-Q"), ("SN-A3", "JM-X16-Q")],
                     "WO-2": [("SN-B1", "CK-IPC-8200")]})
    ids = unit_ids(database, "WO-1")
    with database.uow() as uow:
        uow.session.add(Finding(unit_id=ids[0], test_name="Hashrate", result="fail", value="410",
                                measure_unit="MH/s", lower_limit=Decimal("450")))
        uow.session.add(Diagnosis(unit_id=ids[0], cause="product_defect", decision="covered",
                                  explanation="Hash board 2 fails under load"))
        uow.session.add(RepairAction(unit_id=ids[0], description="Replaced hash board 2",
                                     old_serial="HB-OLD-7", new_serial="HB-NEW-9"))
        uow.commit()
    with database.uow(CLERK) as uow:
        parcels = shipping.create_shipments(uow, "WO-1", ids, "SF Express", "标快", batch_size=2)
    with database.uow(CLERK) as uow:
        shipping.assign_tracking(uow, parcels[-1].shipment_id, "SF1400998877")
    return database


def test_label_pdf_of_the_latest_parcel_scans_to_the_exact_values(sqlite_url: str,
                                                                   tmp_path: Path) -> None:
    prepared(sqlite_url).engine.dispose()
    out = tmp_path / "label.pdf"
    done = run("label", "WO-1", "--format", "pdf", "--out", str(out), db=sqlite_url, user="sam")
    assert done.returncode == 0, done.stderr
    assert "parcel 2 of 2" in done.stdout
    pdf = out.read_bytes()
    (codes,) = decoded_pages(pdf, tmp_path)
    assert {text for _, text in codes} == {"SF1400998877", "WO-1", "WO:WO-1;SN:SN-A3"}
    assert {fmt for fmt, _ in codes} == {"Code128", "QRCode"}
    assert "2/2" in all_text(pdf) or "2of2" in all_text(pdf).replace(" ", "")


def test_label_zpl_at_300_dpi_and_a_provisional_label(sqlite_url: str, tmp_path: Path) -> None:
    prepared(sqlite_url).engine.dispose()
    zpl = tmp_path / "label.zpl"
    assert run("label", "WO-1", "--format", "zpl", "--dpi", "300", "--out", str(zpl),
               db=sqlite_url, user="sam").returncode == 0
    data = zpl.read_bytes()
    assert data.startswith(b"^XA^CI28^PW1181^LL1772") and data.rstrip().endswith(b"^XZ")
    assert b"SF1400998877" in data and b"WO-1" in data
    # WO-2 has no parcel yet: a provisional label with the work order and serial, no tracking.
    pdf = tmp_path / "wo2.pdf"
    done = run("label", "WO-2", "--format", "pdf", "--out", str(pdf), db=sqlite_url, user="sam")
    assert done.returncode == 0 and "provisional" in done.stdout
    (codes,) = decoded_pages(pdf.read_bytes(), tmp_path)
    assert {text for _, text in codes} == {"WO-2", "WO:WO-2;SN:SN-B1"}


def test_report_gathers_findings_diagnosis_and_repairs(sqlite_url: str, tmp_path: Path) -> None:
    prepared(sqlite_url).engine.dispose()
    out = tmp_path / "report.pdf"
    done = run("report", "WO-1", "--out", str(out), db=sqlite_url, user="sam")
    assert done.returncode == 0, done.stderr
    assert "3 unit(s)" in done.stdout
    pdf = out.read_bytes()
    text = all_text(pdf)
    for expected in ("SN-A1", "SN-A2", "SN-A3", "Hashrate", "410", "Hashboard2failsunderload",
                     "Replacedhashboard2", "HB-NEW-9"):
        assert expected in text, expected
    assert {t for page in decoded_pages(pdf, tmp_path) for _, t in page} == {"WO-1"}


def test_unknown_work_order_is_a_clear_error(sqlite_url: str, tmp_path: Path) -> None:
    database = prepared(sqlite_url)
    with database.uow() as uow:
        assert uow.session.scalars(select(Unit.status)).first() is not None
    database.engine.dispose()
    done = run("label", "NOPE", "--out", str(tmp_path / "x.pdf"), db=sqlite_url, user="sam")
    assert done.returncode != 0 and "no work order 'NOPE'" in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "x.pdf").exists()


def test_documents_need_a_signed_in_user(sqlite_url: str, tmp_path: Path) -> None:
    prepared(sqlite_url).engine.dispose()
    out = tmp_path / "report.pdf"
    anonymous = run("report", "WO-1", "--out", str(out), db=sqlite_url)
    assert anonymous.returncode == 2 and "needs a signed-in user" in anonymous.stderr
    wrong = run("label", "WO-1", "--out", str(out), db=sqlite_url, user="sam", password="guess")
    assert wrong.returncode == 2 and "wrong password" in wrong.stderr
    assert not out.exists()
