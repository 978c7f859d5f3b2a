"""Webcam scanning for stations without a handheld scanner.

QtMultimedia delivers frames to a ``QVideoSink``; the newest frame is turned into a ``QImage`` and
decoded with zxing-cpp in a worker thread (zxing releases the GIL while it decodes, so the GUI
stays responsive). A code held in front of the camera is seen in many frames: the same code is
reported once per ``repeat_window_s``.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import zxingcpp
from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import (
    QCamera,
    QCameraDevice,
    QMediaCaptureSession,
    QMediaDevices,
    QVideoFrame,
    QVideoSink,
)
from PySide6.QtWidgets import QApplication

DEFAULT_REPEAT_WINDOW_S = 2.0


def decode_image(image: QImage) -> list[str]:
    """Decode every barcode in ``image``.

    Each code comes back as a scanner with AIM prefixes would send it: the symbology
    identifier (``]d2``, ``]C1``, ...) then the text with GS separators kept, ready for
    :func:`core.rules.barcodes.parse_scan`.

    Args:
        image: Any QImage; it is converted to 8-bit grey first (what zxing reads fastest).

    Returns:
        The decoded codes, possibly none.
    """
    if image.isNull():
        return []
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    found = zxingcpp.read_barcodes(grey, text_mode=zxingcpp.TextMode.Plain)
    return [code.symbology_identifier + code.text for code in found if code.valid and code.text]


class RepeatFilter:
    """Let a code through once, then again only after ``window_s`` without seeing it.

    A code that stays in view keeps being refused (each sighting restarts its window), so a
    label lying under the camera is reported once, and again only after it left the view.
    """

    def __init__(self, window_s: float = DEFAULT_REPEAT_WINDOW_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        """Args:
            window_s: Seconds during which the same code counts as a repeat.
            clock: Seconds, monotonic; tests inject a fake one.
        """
        self._window_s = window_s
        self._clock = clock
        self._last_seen: dict[str, float] = {}

    def accept(self, code: str) -> bool:
        """Record a sighting of ``code``; True if it is new."""
        now = self._clock()
        last = self._last_seen.get(code)
        self._last_seen[code] = now
        # Forget codes long out of view so the table does not grow all day.
        if len(self._last_seen) > 256:
            self._last_seen = {key: seen for key, seen in self._last_seen.items()
                               if now - seen <= self._window_s}
        return last is None or now - last > self._window_s


class _FrameDecoder(QObject):
    """Lives in the worker thread; decodes one image per request."""

    decoded = Signal(list)

    @Slot(QImage)
    def decode(self, image: QImage) -> None:
        try:
            codes = decode_image(image)
        except Exception:  # noqa: BLE001 - a bad frame must not kill the worker; skip it
            codes = []
        self.decoded.emit(codes)


class CameraScanner(QObject):
    """Scan barcodes with a webcam.

    Only one frame is decoded at a time: frames arriving while the worker is busy are skipped
    without being converted, so a 30 fps camera costs the GUI thread one conversion per decode.

    Signals:
        scanned(str): A newly seen code (AIM identifier + text), as a keyboard scanner sends it.
        error(str): No camera, or the camera failed, in words for the technician.
    """

    scanned = Signal(str)
    error = Signal(str)
    _decode_requested = Signal(QImage)

    def __init__(self, parent: QObject | None = None, *,
                 repeat_window_s: float = DEFAULT_REPEAT_WINDOW_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        """Args:
            parent: Owning object.
            repeat_window_s: Seconds before the same code is reported again.
            clock: Seconds, monotonic, for the repeat window.
        """
        super().__init__(parent)
        self._repeats = RepeatFilter(repeat_window_s, clock)
        self._busy = False
        self._camera: QCamera | None = None
        self._session: QMediaCaptureSession | None = None
        self._sink: QVideoSink | None = None
        self._thread = QThread()
        self._thread.setObjectName("camera-decoder")
        self._decoder = _FrameDecoder()
        self._decoder.moveToThread(self._thread)
        self._decode_requested.connect(self._decoder.decode)
        self._decoder.decoded.connect(self._on_decoded)
        self._thread.finished.connect(self._decoder.deleteLater)
        self._thread.start()
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    @staticmethod
    def cameras() -> list[QCameraDevice]:
        """The cameras this station has (for the settings page)."""
        return list(QMediaDevices.videoInputs())

    def start(self, device: QCameraDevice | None = None) -> bool:
        """Start the camera (the default one unless ``device`` is given).

        Returns:
            False, after emitting ``error``, when there is no camera.
        """
        if device is None:
            devices = self.cameras()
            if not devices:
                self.error.emit(self.tr(
                    "No camera found. Plug in a webcam (and allow camera access), or use a "
                    "handheld scanner.")
                )
                return False
            default = QMediaDevices.defaultVideoInput()
            device = devices[0] if default.isNull() else default
        self.stop()
        self._camera = QCamera(device, self)
        self._camera.errorOccurred.connect(self._on_camera_error)
        self._session = QMediaCaptureSession(self)
        self._sink = QVideoSink(self)
        self._session.setCamera(self._camera)
        self._session.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(self.submit_frame)
        self._camera.start()
        return True

    def stop(self) -> None:
        """Stop the camera; the worker thread stays ready for the next start."""
        if self._camera is not None:
            self._camera.stop()
            self._camera.deleteLater()
            self._session.deleteLater()
            self._sink.deleteLater()
            self._camera = self._session = self._sink = None

    def shutdown(self) -> None:
        """Stop the camera and the worker thread (at application exit, or in tests)."""
        self.stop()
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()

    @Slot(QVideoFrame)
    def submit_frame(self, frame: QVideoFrame) -> None:
        """Decode ``frame`` unless the worker is still busy with an earlier one."""
        if self._busy or not frame.isValid():
            return
        # toImage() may map GPU memory; it is done here, in the thread that owns the sink.
        self.submit_image(frame.toImage())

    def submit_image(self, image: QImage) -> None:
        """Decode ``image`` in the worker unless it is busy (an image from a file, a test)."""
        if self._busy or image.isNull() or not self._thread.isRunning():
            return
        self._busy = True
        self._decode_requested.emit(image)

    def is_busy(self) -> bool:
        """Whether a frame is being decoded."""
        return self._busy

    def _on_decoded(self, codes: list[str]) -> None:
        self._busy = False
        for code in codes:
            if self._repeats.accept(code):
                self.scanned.emit(code)

    def _on_camera_error(self, _code: QCamera.Error, description: str) -> None:
        self.error.emit(self.tr("The camera failed: {0}. Check that no other program uses it, "
                                "then start it again.").format(
                                    description or self.tr("unknown error")))
