"""Serial scanners: the byte framer alone, and the real QSerialPort through a pseudo-terminal."""

from __future__ import annotations

import os
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ui.scanner.serial import ScanFramer, SerialScanner


class TestScanFramer:
    def test_fragments_are_joined_until_cr_lf(self):
        framer = ScanFramer()

        assert framer.feed(b"SN-0") == []
        assert framer.feed(b"001\r") == ["SN-0001"]
        assert framer.feed(b"\nSN-0002\n") == ["SN-0002"]  # the LF of the split CR LF is not a scan

    def test_cr_lf_and_bare_terminators(self):
        assert ScanFramer().feed(b"A\r\nB\rC\n\r\nD\r") == ["A", "B", "C", "D"]

    def test_gs_is_kept(self):
        assert ScanFramer().feed(b"]C10109506000134376\x1d21SN1\r\n") == [
            "]C10109506000134376\x1d21SN1"]

    def test_utf8_split_across_fragments(self):
        framer = ScanFramer()
        data = "Zhōng-1\n".encode()
        assert framer.feed(data[:3]) + framer.feed(data[3:]) == ["Zhōng-1"]

    def test_bad_bytes_do_not_raise(self):
        assert ScanFramer().feed(b"\xff\xfeA\n") == ["\ufffd\ufffdA"]

    def test_endless_line_is_cut(self):
        framer = ScanFramer(max_line_bytes=16)

        scans = framer.feed(b"x" * 40)

        assert [len(scan) for scan in scans] == [16, 16]
        assert framer.overflowed
        assert framer.flush() == "x" * 8

    @given(st.lists(st.binary(max_size=12), max_size=10))
    def test_any_fragmentation_gives_the_same_scans(self, chunks):
        data = b"".join(chunks)
        whole = ScanFramer().feed(data)
        framer = ScanFramer()
        pieces = [scan for chunk in chunks for scan in framer.feed(chunk)]
        assert pieces == whole


def test_missing_port_reports_a_clear_error(qtbot):
    scanner = SerialScanner("/dev/ttyNO-SUCH-SCANNER", 9600)
    with qtbot.wait_signal(scanner.error) as blocker:
        assert scanner.open() is False

    message = blocker.args[0]
    assert "/dev/ttyNO-SUCH-SCANNER" in message or "ttyNO-SUCH-SCANNER" in message
    assert "plugged in" in message
    assert not scanner.is_open()


linux_pty = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs Linux ptys")


@linux_pty
def test_real_port_through_a_pty(qtbot):
    # QSerialPort opens the slave side of a pty like any tty; writing to the master plays the
    # scanner, including fragments and CR LF split across writes.
    master, slave = os.openpty()
    scanner = SerialScanner(os.ttyname(slave), 9600)
    scans = []
    scanner.scanned.connect(scans.append)
    try:
        assert scanner.open()
        os.write(master, b"]C1010950600013")
        qtbot.wait(30)
        os.write(master, b"4376\x1d21SN1\r")
        qtbot.wait(30)
        os.write(master, b"\nSN-0002\r\n")
        qtbot.waitUntil(lambda: len(scans) >= 2, timeout=3000)
        qtbot.wait(30)
        assert scans == ["]C10109506000134376\x1d21SN1", "SN-0002"]
    finally:
        scanner.close()
        os.close(master)
        os.close(slave)


@linux_pty
def test_idle_flush_for_scanners_without_terminator(qtbot):
    master, slave = os.openpty()
    scanner = SerialScanner(os.ttyname(slave), 9600, idle_flush_ms=50)
    try:
        assert scanner.open()
        with qtbot.wait_signal(scanner.scanned, timeout=3000) as blocker:
            os.write(master, b"SN-0003")
        assert blocker.args == ["SN-0003"]
    finally:
        scanner.close()
        os.close(master)
        os.close(slave)
