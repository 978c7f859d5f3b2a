"""Raw bytes (ZPL) to a label printer: a CUPS queue, the Windows spooler, or TCP port 9100.

Raw means no driver touches the bytes: the printer interprets the ZPL itself. Every failure raises
`PrintFailed` with a sentence for the clerk, so the caller marks nothing printed or shipped.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys

from PySide6.QtCore import QCoreApplication

from core.errors import UserError

TCP_TIMEOUT_S = 10.0
LP_TIMEOUT_S = 30.0


class PrintFailed(UserError):
    """The printer or its queue did not take the job; nothing was printed."""


def send_raw(data: bytes, *, queue: str = "", host: str = "", port: int = 9100,
             copies: int = 1, title: str = "RepairBench") -> str:
    """Send `data` unchanged to a named queue or to host:port; returns a job description.

    Args:
        queue: A CUPS queue (Linux, macOS) or a Windows printer name.
        host: A printer's address for a direct TCP connection (used when no queue is given).
        copies: How many times the printer should print the job.
    """
    if copies < 1:
        raise PrintFailed(QCoreApplication.translate(
            "RawPrinting", "The number of copies must be at least 1."))
    if queue:
        if sys.platform == "win32":
            return send_to_windows_printer(data, queue, copies=copies, title=title)
        return send_to_cups_queue(data, queue, copies=copies, title=title)
    if host:
        return send_to_socket(data * copies, host, port)
    raise PrintFailed(QCoreApplication.translate(
        "RawPrinting", "This printer profile names neither a queue nor a host:port."))


def send_to_cups_queue(data: bytes, queue: str, *, copies: int = 1,
                       title: str = "RepairBench") -> str:
    """`lp -d QUEUE -o raw` with the bytes on standard input; CUPS_SERVER picks the scheduler."""
    lp = shutil.which("lp")
    if lp is None:
        raise PrintFailed(QCoreApplication.translate(
            "RawPrinting", "The CUPS client 'lp' is not installed; install cups-client or use a "
                           "printer profile that prints over TCP port 9100."))
    command = [lp, "-d", queue, "-o", "raw", "-n", str(copies), "-t", title]
    try:
        done = subprocess.run(command, input=data, capture_output=True, timeout=LP_TIMEOUT_S,
                              env=os.environ.copy(), check=False)
    except subprocess.TimeoutExpired as exc:
        raise PrintFailed(QCoreApplication.translate(
            "RawPrinting", "The print queue {0} did not answer within {1:.0f} s; is the CUPS "
                           "scheduler running?").format(queue, LP_TIMEOUT_S)) from exc
    message = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode != 0:
        why = message or QCoreApplication.translate(
            "RawPrinting", "lp exited with code {0}").format(done.returncode)
        raise PrintFailed(QCoreApplication.translate(
            "RawPrinting", "The print queue {0} refused the label: {1}").format(queue, why))
    # lp prints "request id is QUEUE-12 (1 file(s))"; keep it for the log and the status bar.
    return done.stdout.decode("utf-8", "replace").strip() or QCoreApplication.translate(
        "RawPrinting", "sent to {0}").format(queue)


def send_to_socket(data: bytes, host: str, port: int = 9100,
                   timeout: float = TCP_TIMEOUT_S) -> str:
    """Write the bytes to a printer's raw TCP port and close the connection."""
    try:
        with socket.create_connection((host, port), timeout=timeout) as conn:
            conn.sendall(data)
            # A clean shutdown makes the printer see the end of the job before we report success.
            conn.shutdown(socket.SHUT_WR)
    except OSError as exc:
        raise PrintFailed(QCoreApplication.translate(
            "RawPrinting", "The printer at {0}:{1} cannot be reached ({2}); check that it is on, "
                           "connected and that the address is right.").format(
            host, port, exc.strerror or exc)) from exc
    return QCoreApplication.translate("RawPrinting", "sent {0} bytes to {1}:{2}").format(
        len(data), host, port)


def send_to_windows_printer(data: bytes, printer: str, *, copies: int = 1,
                            title: str = "RepairBench") -> str:
    """The Windows spooler with the RAW datatype (needs pywin32)."""
    try:
        import win32print  # type: ignore[import-not-found]
    except ImportError as exc:
        raise PrintFailed(QCoreApplication.translate(
            "RawPrinting", "Raw printing to a Windows printer needs the pywin32 package; install "
                           "it or print over TCP port 9100.")) from exc
    try:
        handle = win32print.OpenPrinter(printer)
    except Exception as exc:  # pywintypes.error has no importable base here
        raise PrintFailed(QCoreApplication.translate(
            "RawPrinting", "There is no printer named {0} on this computer.").format(
            repr(printer))) from exc
    try:
        win32print.StartDocPrinter(handle, 1, (title, None, "RAW"))
        try:
            for _ in range(copies):
                win32print.StartPagePrinter(handle)
                win32print.WritePrinter(handle, data)
                win32print.EndPagePrinter(handle)
        finally:
            win32print.EndDocPrinter(handle)
    except Exception as exc:
        raise PrintFailed(QCoreApplication.translate(
            "RawPrinting", "The printer {0} refused the job: {1}").format(printer, exc)) from exc
    finally:
        win32print.ClosePrinter(handle)
    return QCoreApplication.translate("RawPrinting", "sent to {0}").format(printer)
