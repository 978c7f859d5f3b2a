"""Printing through a real CUPS scheduler: raw ZPL with `lp -o raw`, and a PDF through Qt.

The test starts a private cupsd (Debian's `cups`) with its own configuration, spool, socket and
port in a temporary folder, and stops it at the end. The queues' device is CUPS's own `socket`
backend pointed at a small TCP "printer" in this process that writes every job it receives to a
file, exactly like a Zebra on port 9100. (A `file:` device is not used: CUPS 2.4.2 marks a raw job
on a `file:` queue completed without running any backend and writes nothing.)
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from reports.pdf_label import render_label_pdf
from reports.zpl import render_label_zpl
from tests.reports import samples
from tests.reports.pdftools import decoded_pages
from ui.printing import qt_print, raw

CUPSD = "/usr/sbin/cupsd"


class FilePrinter:
    """A raw TCP printer that appends each job's bytes to `jobs` (and to a file per job)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.jobs: list[bytes] = []
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.2)
        self.port = self._server.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(10)
                chunks = []
                while chunk := conn.recv(65536):
                    chunks.append(chunk)
            data = b"".join(chunks)
            (self.folder / f"job-{len(self.jobs) + 1}.bin").write_bytes(data)
            self.jobs.append(data)

    def wait_for_jobs(self, count: int, timeout: float = 30) -> list[bytes]:
        deadline = time.monotonic() + timeout
        while len(self.jobs) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.jobs

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self._server.close()


@dataclass
class Cups:
    server: str
    root: Path
    printer: FilePrinter

    def add_queue(self, name: str) -> None:
        done = subprocess.run(["lpadmin", "-h", self.server, "-p", name, "-E", "-v",
                               f"socket://127.0.0.1:{self.printer.port}"],
                              capture_output=True, text=True, timeout=30, check=False)
        assert done.returncode == 0, done.stderr

    def log(self) -> str:
        path = self.root / "log" / "error_log"
        return path.read_text(errors="replace") if path.exists() else ""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _write_config(root: Path, port: int) -> None:
    for sub in ("spool", "cache", "state", "log", "run", "ppd", "out"):
        (root / sub).mkdir()
    (root / "spool" / "tmp").mkdir(mode=0o1777)
    os.chmod(root / "spool" / "tmp", 0o1777)
    # cupsd refuses to run its filters and backends as root; lp is Debian's print user.
    user = "User lp\nGroup lp\n" if os.geteuid() == 0 else ""
    (root / "cups-files.conf").write_text(
        f"ServerRoot {root}\nRequestRoot {root}/spool\nCacheDir {root}/cache\n"
        f"StateDir {root}/state\nTempDir {root}/spool/tmp\nErrorLog {root}/log/error_log\n"
        f"AccessLog {root}/log/access_log\nPageLog {root}/log/page_log\n"
        f"FileDevice Yes\nServerBin /usr/lib/cups\nDataDir /usr/share/cups\n{user}")
    (root / "cupsd.conf").write_text(
        f"Listen 127.0.0.1:{port}\nListen {root}/run/cups.sock\nLogLevel debug\nBrowsing No\n"
        "WebInterface No\nDefaultAuthType None\n"
        "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Location /admin>\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n")


@pytest.fixture(scope="module")
def cups() -> Iterator[Cups]:
    if not Path(CUPSD).exists() or shutil.which("lpadmin") is None or shutil.which("lp") is None:
        pytest.skip(f"CUPS is not installed here ({CUPSD}, lpadmin, lp)")
    # Not pytest's tmp_path: the print user must be able to enter the spool's parent folders.
    root = Path(tempfile.mkdtemp(prefix="rb-cups-"))
    os.chmod(root, 0o755)
    port = _free_port()
    _write_config(root, port)
    process = subprocess.Popen(
        [CUPSD, "-f", "-c", str(root / "cupsd.conf"), "-s", str(root / "cups-files.conf")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    printer = FilePrinter(root / "out")
    server = f"localhost:{port}"
    try:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and process.poll() is None:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        if process.poll() is not None:
            output = process.stdout.read().decode(errors="replace") if process.stdout else ""
            pytest.skip(f"cupsd could not start here: {output.strip()[-500:]}")
        yield Cups(server, root, printer)
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)
        if process.stdout:
            process.stdout.close()
        printer.close()
        shutil.rmtree(root, ignore_errors=True)


def test_raw_zpl_reaches_the_printer_byte_for_byte(cups: Cups,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    cups.add_queue("rbzpl")
    monkeypatch.setenv("CUPS_SERVER", cups.server)
    label = samples.label("mixed", tracking_number="SF1400123456789")
    zpl = render_label_zpl(label, dpi=203)
    before = len(cups.printer.jobs)
    reply = raw.send_raw(zpl, queue="rbzpl", title="label")
    assert "rbzpl-" in reply
    jobs = cups.printer.wait_for_jobs(before + 1)
    assert jobs[before:] == [zpl], cups.log()[-2000:]
    assert b"^FDSF1400123456789^FS" in jobs[before] or b"SF1400123456789" in jobs[before]


def test_a_missing_queue_says_so(cups: Cups, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CUPS_SERVER", cups.server)
    with pytest.raises(raw.PrintFailed, match="no-such-queue refused"):
        raw.send_raw(b"^XA^XZ", queue="no-such-queue")


def test_a_printer_that_does_not_answer_says_so() -> None:
    with pytest.raises(raw.PrintFailed, match="cannot be reached"):
        raw.send_to_socket(b"^XA^XZ", "127.0.0.1", _free_port(), timeout=2)


def point_libcups_at(server: str | None) -> None:
    """Set the scheduler libcups talks to in this thread (None: back to the environment's)."""
    try:
        libcups = ctypes.CDLL(ctypes.util.find_library("cups") or "libcups.so.2")
    except OSError:
        return  # no libcups: Qt's plugin has none either, and the test says so when it skips
    libcups.cupsSetServer.argtypes = [ctypes.c_char_p]
    libcups.cupsSetServer(server.encode() if server else None)


def test_pdf_through_qt_reaches_the_queue_and_its_barcodes_scan(
        cups: Cups, monkeypatch: pytest.MonkeyPatch, qapp: object, tmp_path: Path,
        request: pytest.FixtureRequest) -> None:
    from PySide6.QtPrintSupport import QPrinterInfo

    cups.add_queue("rbqt")
    # libcups reads CUPS_SERVER once per thread, when anything first asks it for printers
    # (an earlier test's print dialog or printer list may have): point it at ours again.
    monkeypatch.setenv("CUPS_SERVER", cups.server)
    point_libcups_at(cups.server)
    request.addfinalizer(lambda: point_libcups_at(None))
    names = QPrinterInfo.availablePrinterNames()
    if "rbqt" not in names:
        pytest.skip(f"Qt's CUPS plugin does not see the private scheduler (it sees {names})")
    label = samples.label("en", tracking_number="DPK300123456")
    pdf = render_label_pdf(label)
    printer = qt_print.printer_named("rbqt", resolution=203)
    qt_print.set_page_size_mm(printer, 100, 150)
    before = len(cups.printer.jobs)
    steps: list[tuple[int, int]] = []
    assert qt_print.print_pdf(pdf, printer, progress=lambda d, t: steps.append((d, t))) == 1
    assert steps == [(1, 1)]
    printed = cups.printer.wait_for_jobs(before + 1)[before]
    assert printed.startswith(b"%PDF-"), printed[:200]
    (codes,) = decoded_pages(printed, tmp_path)
    assert {text for _, text in codes} >= {"DPK300123456", label.work_order_number}


@pytest.fixture
def shipping_desk(catalogue, qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):  # type: ignore[no-untyped-def]
    """WO-1 packed in two parcels with their waybills, on a desk whose profiles the test sets."""
    from core.services import shipping
    from tests.core.test_shipping import CLERK, stock, unit_ids
    from ui import worker

    stock(catalogue, {"WO-1": [("SN-1", "JM-X16-Q"), ("SN-2", "JM-X16-Q")]})
    with catalogue.uow(CLERK) as uow:
        parcels = shipping.create_shipments(uow, "WO-1", unit_ids(catalogue, "WO-1"),
                                            "SF Express", batch_size=1)
    for n, parcel in enumerate(parcels, start=1):
        with catalogue.uow(CLERK) as uow:
            shipping.assign_tracking(uow, parcel.shipment_id, f"SF140012345678{n}")
    worker.set_pool(worker.ImmediatePool())
    station: list = []

    def open_desk(*profiles):  # type: ignore[no-untyped-def]
        from tests.ui.test_shipping_workspace import make_desk

        station[:] = profiles
        ws, _ = make_desk(catalogue, qtbot, monkeypatch, tmp_path, station)
        ws.select_work_order("WO-1")
        return ws

    yield open_desk
    worker.set_pool(None)


def labels_printed(catalogue) -> list[bool]:  # type: ignore[no-untyped-def]
    from tests.ui.test_shipping_workspace import printed_in_db

    return list(printed_in_db(catalogue).values())


def test_labels_printed_through_cups_are_marked_printed(cups: Cups, shipping_desk, catalogue,  # type: ignore[no-untyped-def]
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.printing.profiles import PrinterProfile

    cups.add_queue("rbship")
    monkeypatch.setenv("CUPS_SERVER", cups.server)
    ws = shipping_desk(PrinterProfile("Zebra GK420", "raw_queue", "rbship"))
    before = len(cups.printer.jobs)
    ws.print_button.click()
    assert ws.message.text() == "2 label(s) sent to Zebra GK420."
    assert labels_printed(catalogue) == [True, True]
    assert [ws.parcel_model.item(r, 6).text() for r in (0, 1)] == ["printed", "printed"]
    jobs = cups.printer.wait_for_jobs(before + 2)[before:]
    assert sorted(b"SF1400123456781" in j for j in jobs) == [False, True], cups.log()[-2000:]


def test_a_missing_queue_or_a_closed_port_marks_nothing_and_says_why(  # type: ignore[no-untyped-def]
        cups: Cups, shipping_desk, catalogue, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.printing.profiles import PrinterProfile

    monkeypatch.setenv("CUPS_SERVER", cups.server)
    ws = shipping_desk(PrinterProfile("Gone", "raw_queue", "no-such-queue"),
                       PrinterProfile("Off", "tcp9100", f"127.0.0.1:{_free_port()}"))
    ws.print_button.click()
    assert ws.message.text().startswith("Not printed: The print queue no-such-queue refused "
                                        "the label:")
    assert ws.message.text().endswith("No label is marked printed.")
    ws.profile.setCurrentIndex(1)
    ws.print_button.click()
    assert "cannot be reached" in ws.message.text()
    assert labels_printed(catalogue) == [False, False]
    assert [ws.parcel_model.item(r, 6).text() for r in (0, 1)] == ["not printed"] * 2
