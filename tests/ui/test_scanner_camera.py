"""Webcam scanning: decode rendered barcodes in the worker, debounce repeats, no camera."""

from __future__ import annotations

import pytest
import zxingcpp
from PySide6.QtCore import QThread
from PySide6.QtGui import QColor, QImage, QPainter

from core.rules.barcodes import parse_scan

camera = pytest.importorskip("ui.scanner.camera", reason="QtMultimedia needs libpulse0")
CameraScanner, RepeatFilter, decode_image = camera.CameraScanner, camera.RepeatFilter, camera.decode_image
QVideoFrame = pytest.importorskip("PySide6.QtMultimedia").QVideoFrame


def render(content: str, barcode_format, **options) -> QImage:
    """A barcode drawn by zxing-cpp, as the camera would see it (RGB, white around it)."""
    drawn = zxingcpp.write_barcode_to_image(
        zxingcpp.create_barcode(content, barcode_format, **options), scale=6)
    view = memoryview(drawn)
    height, width = view.shape
    grey = QImage(bytes(view), width, height, view.strides[0], QImage.Format.Format_Grayscale8)
    frame = QImage(width + 200, height + 200, QImage.Format.Format_RGB32)
    frame.fill(QColor("white"))
    painter = QPainter(frame)
    painter.drawImage(100, 100, grey)
    painter.end()
    return frame


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_decode_gs1_datamatrix_keeps_aim_and_gs():
    image = render("(01)09506000134376(10)LOT42(21)SN0001", zxingcpp.DataMatrix, gs1=True)

    codes = decode_image(image)

    assert codes == ["]d20109506000134376" + "10LOT42\x1d21SN0001"]
    parsed = parse_scan(codes[0])
    assert (parsed.kind, parsed.batch, parsed.serial) == ("gs1", "LOT42", "SN0001")


def test_decode_code128_and_blank():
    assert decode_image(render("SN-0001", zxingcpp.Code128)) == ["]C0SN-0001"]
    blank = QImage(320, 240, QImage.Format.Format_RGB32)
    blank.fill(QColor("white"))
    assert decode_image(blank) == []
    assert decode_image(QImage()) == []


def test_repeat_filter_window():
    clock = FakeClock()
    repeats = RepeatFilter(2.0, clock)

    assert repeats.accept("A")
    clock.now += 1.5
    assert not repeats.accept("A")  # still in view
    assert repeats.accept("B")
    clock.now += 1.5
    assert not repeats.accept("A")  # 1.5 s since last seen: the window restarts
    clock.now += 2.5
    assert repeats.accept("A")


@pytest.fixture
def scanner(qtbot):
    clock = FakeClock()
    camera_scanner = CameraScanner(clock=clock)
    camera_scanner.clock = clock
    yield camera_scanner
    camera_scanner.shutdown()


def test_frames_decode_in_a_worker_and_repeats_are_dropped(qtbot, scanner, monkeypatch):
    image = render("SN-0042", zxingcpp.QRCode)
    threads = []
    original = camera.decode_image

    def spy(img):
        threads.append(QThread.currentThread())
        return original(img)

    monkeypatch.setattr(camera, "decode_image", spy)
    with qtbot.wait_signal(scanner.scanned, timeout=5000) as blocker:
        scanner.submit_frame(QVideoFrame(image))
    assert blocker.args == ["]Q1SN-0042"]
    assert threads and threads[0] is not QThread.currentThread()

    # Same code a second later: seen, not reported.
    scanner.clock.now += 1.0
    with qtbot.assert_not_emitted(scanner.scanned):
        scanner.submit_image(image)
        qtbot.waitUntil(lambda: not scanner.is_busy(), timeout=5000)

    scanner.clock.now += 3.0
    with qtbot.wait_signal(scanner.scanned, timeout=5000):
        scanner.submit_image(image)


def test_frames_are_skipped_while_busy(qtbot, scanner):
    image = render("SN-1", zxingcpp.Code128)
    scanner.submit_image(image)
    assert scanner.is_busy()
    scanner.submit_image(render("SN-2", zxingcpp.Code128))  # dropped: one decode at a time
    with qtbot.wait_signal(scanner.scanned, timeout=5000) as blocker:
        pass
    assert blocker.args == ["]C0SN-1"]
    qtbot.waitUntil(lambda: not scanner.is_busy(), timeout=5000)


def test_no_camera_is_reported(qtbot, scanner, monkeypatch):
    monkeypatch.setattr(camera.QMediaDevices, "videoInputs", staticmethod(lambda: []))

    with qtbot.wait_signal(scanner.error) as blocker:
        assert scanner.start() is False

    assert "No camera found" in blocker.args[0]
