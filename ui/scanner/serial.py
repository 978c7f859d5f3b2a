"""Serial-port scanners (USB virtual COM): read bytes, cut them into scans at CR/LF."""

from __future__ import annotations

from PySide6.QtCore import QIODevice, QObject, QTimer, Signal
from PySide6.QtSerialPort import QSerialPort

#: A line longer than this without CR/LF is not a barcode: the port is misconfigured (wrong baud
#: rate gives endless garbage) or the device is not a scanner. Cut it off rather than grow forever.
MAX_LINE_BYTES = 8192


class ScanFramer:
    """Cut a byte stream into scans, whatever the fragments the port delivers.

    A scan ends at CR, LF or CR LF (a CR LF split across two fragments gives one scan, not an
    empty second one). Bytes are decoded only once a scan is complete, so a UTF-8 character
    split across fragments survives. Control characters inside a scan (GS) are kept.
    """

    def __init__(self, encoding: str = "utf-8", max_line_bytes: int = MAX_LINE_BYTES) -> None:
        """Args:
            encoding: How the scanner encodes text; undecodable bytes become U+FFFD.
            max_line_bytes: Longest scan; longer input is cut off and reported as too long.
        """
        self._encoding = encoding
        self._max = max_line_bytes
        self._buffer = bytearray()
        self._skip_lf = False
        self.overflowed = False

    def feed(self, data: bytes) -> list[str]:
        """Add received bytes; return the scans they complete, in order."""
        scans: list[str] = []
        for byte in data:
            if byte == 0x0A and self._skip_lf:  # the LF of a CR LF
                self._skip_lf = False
                continue
            self._skip_lf = byte == 0x0D
            if byte in (0x0A, 0x0D):
                if self._buffer:
                    scans.append(self._take())
                continue
            self._buffer.append(byte)
            if len(self._buffer) >= self._max:
                self.overflowed = True
                scans.append(self._take())
        return scans

    def flush(self) -> str | None:
        """Return what is buffered as a scan (for scanners sending no terminator), if any."""
        return self._take() if self._buffer else None

    def pending(self) -> int:
        """Bytes waiting for a terminator."""
        return len(self._buffer)

    def _take(self) -> str:
        text = bytes(self._buffer).decode(self._encoding, "replace")
        self._buffer.clear()
        return text


class SerialScanner(QObject):
    """A barcode scanner on a serial port.

    Signals:
        scanned(str): One scan, without its CR/LF.
        error(str): The port cannot be opened or failed while open (unplugged), in words for
            the technician.
    """

    scanned = Signal(str)
    error = Signal(str)

    def __init__(
        self,
        port_name: str,
        baud_rate: int = 9600,
        parent: QObject | None = None,
        *,
        encoding: str = "utf-8",
        idle_flush_ms: int = 0,
    ) -> None:
        """Args:
            port_name: ``COM3``, ``ttyACM0`` or a full path such as ``/dev/ttyACM0``.
            baud_rate: As set in the scanner (9600 is the usual default).
            parent: Owning object.
            encoding: The scanner's text encoding.
            idle_flush_ms: For scanners set to send no CR/LF: emit what is buffered after this
                many ms of silence. 0 waits for CR/LF.
        """
        super().__init__(parent)
        self._port = QSerialPort(self)
        self._port.setPortName(port_name)
        self._port.setBaudRate(baud_rate)
        self._port.readyRead.connect(self._on_ready_read)
        self._port.errorOccurred.connect(self._on_error)
        self._encoding = encoding
        self._framer = ScanFramer(encoding)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._on_idle)
        self._idle_flush_ms = idle_flush_ms

    @property
    def port_name(self) -> str:
        """The port as configured."""
        return self._port.portName()

    def open(self) -> bool:
        """Open the port for reading; on failure emit ``error`` and return False."""
        if self._port.isOpen():
            return True
        if self._port.open(QIODevice.OpenModeFlag.ReadOnly):
            return True
        self.error.emit(self._explain(self._port.errorString()))
        return False

    def close(self) -> None:
        """Close the port; a scan without terminator still buffered is dropped."""
        self._idle.stop()
        if self._port.isOpen():
            self._port.close()
        self._framer = ScanFramer(self._encoding)

    def is_open(self) -> bool:
        """Whether the port is open."""
        return self._port.isOpen()

    def _on_ready_read(self) -> None:
        data = bytes(self._port.readAll().data())
        for raw in self._framer.feed(data):
            self.scanned.emit(raw)
        if self._idle_flush_ms and self._framer.pending():
            self._idle.start(self._idle_flush_ms)

    def _on_idle(self) -> None:
        raw = self._framer.flush()
        if raw is not None:
            self.scanned.emit(raw)

    def _on_error(self, code: QSerialPort.SerialPortError) -> None:
        # Open failures are reported by open() with advice; here only what happens later.
        if code in (QSerialPort.SerialPortError.NoError, QSerialPort.SerialPortError.OpenError,
                    QSerialPort.SerialPortError.DeviceNotFoundError,
                    QSerialPort.SerialPortError.PermissionError):
            return
        if code == QSerialPort.SerialPortError.ResourceError:
            self.error.emit(self.tr(
                "The scanner on {0} stopped answering (unplugged?): {1}. Plug it in again and "
                "reopen the port in settings.").format(self.port_name, self._port.errorString()))
            self._port.close()
            return
        self.error.emit(self.tr("Scanner port {0}: {1}.").format(
            self.port_name, self._port.errorString()))

    def _explain(self, reason: str) -> str:
        advice = {
            QSerialPort.SerialPortError.DeviceNotFoundError: self.tr(
                "Check that the scanner is plugged in and the port name in settings is right."),
            QSerialPort.SerialPortError.PermissionError: self.tr(
                "Another program may be using it, or this user may not access serial ports "
                "(on Linux: add the user to the 'dialout' group)."),
        }.get(self._port.error(), self.tr("Check the cable and the port settings."))
        return self.tr("Cannot open the scanner port {0}: {1}. {2}").format(
            self.port_name, reason, advice)
