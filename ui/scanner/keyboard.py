"""Keyboard-wedge scanners: tell a scanner's key burst from a person typing, and take the burst.

A handheld scanner that acts as a keyboard types a code as key presses 5-16 ms apart and ends it
with Enter or Tab; people type at 100 ms or more per key. :class:`ScanCapture` sits as one
application-wide event filter, watches the key presses that go to the focused widget, and takes
every burst faster than the threshold before any widget sees it.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

#: Returns the time of a key press in milliseconds; given the event so that a clock may use the
#: platform's own timestamp (see :func:`event_time_ms`).
KeyClock = Callable[[QKeyEvent], float]

DEFAULT_THRESHOLD_MS = 50
DEFAULT_MIN_LENGTH = 3

_SUFFIX_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab})
_MODIFIER_KEYS = frozenset({Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt,
                            Qt.Key.Key_Meta, Qt.Key.Key_AltGr})
_KEYPAD_DIGITS = {int(Qt.Key.Key_0) + n: str(n) for n in range(10)}
# Shift, keypad and AltGr (group switch) still give plain characters; Windows reports AltGr as
# Ctrl+Alt, so that combination counts as plain too.
_PLAIN = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.GroupSwitchModifier
_ALTGR = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def monotonic_ms(_event: QKeyEvent) -> float:
    """Clock of when the filter sees the key; immune to synthetic events with no timestamp."""
    return time.monotonic() * 1000.0


def event_time_ms(event: QKeyEvent) -> float:
    """Clock of when the key was pressed, as the platform stamped it.

    Better when the GUI thread is sometimes busy (queued keys keep their real gaps), but only
    with real input: test tools and some remote desktops send zero or made-up timestamps.
    """
    stamp = event.timestamp()
    return float(stamp) if stamp else monotonic_ms(event)


class _State(enum.Enum):
    IDLE = enum.auto()
    HOLDING = enum.auto()  # one key held back: a scan's first key, or a typed key
    BURST = enum.auto()  # a second key came fast: this is a scan


class _Key(enum.Enum):
    CHAR = enum.auto()
    GS = enum.auto()
    ALT_DIGIT = enum.auto()
    SUFFIX = enum.auto()
    MODIFIER = enum.auto()
    OTHER = enum.auto()


class ScanCapture(QObject):
    """Take scanner bursts from the keyboard before any widget sees them.

    How a burst is told from typing: the first key of a scan looks like a typed key, so every
    printable key that arrives while idle is *held back* (consumed, copied) and a single-shot
    timer of ``threshold_ms`` starts. If another key press follows within the threshold, the
    held key was the start of a scan: it and the following keys are buffered and consumed, and
    each fast key restarts the timer. The scan ends with an Enter or Tab (consumed too, so it
    neither submits a form, presses a dialog's default button nor moves the focus) or, for
    scanners without a suffix, when the timer runs out. If the timer runs out on a single held
    key, or on a burst shorter than ``min_length`` (a fast typist's two keys), the held events
    are replayed, in order, to the widget they were meant for. So typing works everywhere, at
    the cost of a ``threshold_ms`` delay per typed key inside the scope.

    The buffer is built from the key events' own text, so Ctrl+] (GS, which ``QLineEdit``
    drops) and Alt+0+2+9 on the keypad (Windows Alt code) both become ``"\\x1d"``. Only
    presses delivered to the focused widget are counted: the same event also passes the window
    and, if ignored, the parent widgets, and must not count twice. Keys with Ctrl, Alt or Meta
    (except Ctrl+] and Alt codes), auto-repeat, arrows and function keys pass untouched when
    idle; inside the scope, a plain printable key no longer triggers a one-key shortcut.

    Gaps are measured by ``clock`` (default :func:`monotonic_ms`; :func:`event_time_ms` uses
    the platform's timestamps). A burst ending with the timer while the GUI thread is busy may
    be split; scanners set to send a suffix avoid that.

    Input methods: a burst resets the input method so that a half-composed preedit is dropped,
    and commit strings that arrive during a burst are added to it; :meth:`prepare_scan_field`
    turns input methods off for a field made for typed serials. A platform input method that
    swallows keys before Qt delivers them cannot be bypassed from inside the application.

    Signals:
        scanned(str): A complete scan: the raw text, without the Enter/Tab suffix.
        key_gaps(list): The gaps in ms between the key presses of the scan about to be
            reported by ``scanned``; emitted just before it.
    """

    scanned = Signal(str)
    key_gaps = Signal(list)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        threshold_ms: float = DEFAULT_THRESHOLD_MS,
        min_length: int = DEFAULT_MIN_LENGTH,
        clock: KeyClock = monotonic_ms,
    ) -> None:
        """Create the capture; call :meth:`install` and :meth:`set_scope` to start it.

        Args:
            parent: Owning object.
            threshold_ms: Longest gap between two key presses of one scan (a setting; Bluetooth
                scanners may need 80-100 ms).
            min_length: Shortest scan; a shorter fast burst is taken for fast typing.
            clock: Gives each key press its time in ms; tests inject a fake one.
        """
        super().__init__(parent)
        self._threshold_ms = float(threshold_ms)
        self._min_length = min_length
        self._clock = clock
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_quiet)
        self._scope: QWidget | None = None
        self._enabled = True
        self._replaying = False
        self._reset()
        # Releases of keys whose press went into a finished scan (the Enter suffix's release
        # comes after the scan was emitted): swallowed so no widget sees half a key.
        self._swallow_releases: set[int] = set()

    # -- configuration -------------------------------------------------------------------------

    def install(self, app: QApplication | None = None) -> None:
        """Install the filter on the application (once)."""
        (app or QApplication.instance()).installEventFilter(self)

    def uninstall(self, app: QApplication | None = None) -> None:
        """Remove the filter; a scan in progress is finished first."""
        self._finish_early()
        (app or QApplication.instance()).removeEventFilter(self)

    def set_scope(self, widget: QWidget | None) -> None:
        """Capture only while ``widget`` is visible and enabled and its window (or a dialog on
        top of it) is active. ``None`` stops capturing."""
        self._finish_early()
        self._scope = widget

    def set_enabled(self, enabled: bool) -> None:
        """Turn capturing on or off (e.g. while a settings page owns the scanner)."""
        if not enabled:
            self._finish_early()
        self._enabled = enabled

    def is_enabled(self) -> bool:
        """Whether capturing is switched on (the scope may still make it inactive)."""
        return self._enabled

    @property
    def threshold_ms(self) -> float:
        """Longest gap in ms between two key presses of one scan."""
        return self._threshold_ms

    @threshold_ms.setter
    def threshold_ms(self, value: float) -> None:
        self._threshold_ms = float(value)

    @staticmethod
    def prepare_scan_field(widget: QWidget) -> None:
        """Make ``widget`` (a field for typing serials by hand) immune to input methods.

        A Pinyin or other input method splits or swallows scanner keys; serials are Latin
        text, so the field does not need one.
        """
        widget.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        widget.setInputMethodHints(
            Qt.InputMethodHint.ImhLatinOnly | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhNoAutoUppercase | Qt.InputMethodHint.ImhSensitiveData
        )

    # -- the filter ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        """Hold, buffer or pass one event; see the class docstring."""
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease,
                        QEvent.Type.ShortcutOverride, QEvent.Type.InputMethod):
            return False
        if self._replaying or not isinstance(watched, QWidget) or not self._is_target(watched):
            return False
        if not self._active():
            self._finish_early()
            return False
        if kind == QEvent.Type.KeyPress:
            return self._press(watched, event)
        if kind == QEvent.Type.KeyRelease:
            return self._release(watched, event)
        if kind == QEvent.Type.ShortcutOverride:
            return self._shortcut_override(event)
        return self._input_method(event)

    def _press(self, target: QWidget, event: QKeyEvent) -> bool:
        if event.isAutoRepeat():  # a key held down is a person, never a scanner
            self._finish_early()
            return False
        key = _classify(event)
        now = self._clock(event)
        if self._state is not _State.IDLE and now - self._last_press > self._threshold_ms:
            # The quiet timer has not fired yet (busy event loop) but the gap says: new input.
            self._finish_early()
        if self._state is _State.IDLE:
            if key not in (_Key.CHAR, _Key.GS, _Key.ALT_DIGIT):
                self._swallow_releases.discard(event.key())
                return False
            self._state = _State.HOLDING
            self._take(target, event, key)
            self._last_press = now
            self._timer.start(round(self._threshold_ms))
            return True

        if self._state is _State.HOLDING:
            self._state = _State.BURST
            QGuiApplication.inputMethod().reset()
        self._gaps.append(now - self._last_press)
        self._last_press = now
        if key is _Key.OTHER:  # arrows, Escape, F-keys: a scanner never sends these
            self._finish_early()
            return False
        self._take(target, event, key)
        if key is _Key.SUFFIX:
            self._timer.stop()
            self._finish()
        else:
            self._timer.start(round(self._threshold_ms))
        return True

    def _release(self, target: QWidget, event: QKeyEvent) -> bool:
        if self._state is _State.IDLE:
            if event.key() in self._swallow_releases and not event.isAutoRepeat():
                self._swallow_releases.discard(event.key())
                return True
            return False
        self._held.append((target, QKeyEvent(event)))
        if event.key() == Qt.Key.Key_Alt and self._alt_digits:
            self._buffer.append(_alt_code_char(self._alt_digits))
            self._alt_digits = ""
        return True

    def _shortcut_override(self, event: QKeyEvent) -> bool:
        # Accepting the override tells Qt "this is a normal key press", so no shortcut fires
        # and the KeyPress comes to us; inside a burst this keeps Ctrl+] or Enter from
        # triggering actions.
        if self._state is _State.IDLE and (
            event.isAutoRepeat() or _classify(event) not in (_Key.CHAR, _Key.GS, _Key.ALT_DIGIT)
        ):
            return False
        event.accept()
        return True

    def _input_method(self, event: QInputMethodEvent) -> bool:
        if self._state is not _State.BURST:
            return False
        self._buffer.append(event.commitString())
        return True

    # -- the burst -----------------------------------------------------------------------------

    def _take(self, target: QWidget, event: QKeyEvent, key: _Key) -> None:
        self._held.append((target, QKeyEvent(event)))
        if key is _Key.CHAR:
            self._buffer.append(event.text())
        elif key is _Key.GS:
            self._buffer.append("\x1d")
        elif key is _Key.ALT_DIGIT:
            self._alt_digits += _KEYPAD_DIGITS[event.key()]

    def _on_quiet(self) -> None:
        if self._state is _State.BURST:
            self._finish()
        elif self._state is _State.HOLDING:
            self._replay()

    def _finish_early(self) -> None:
        """End whatever is in progress as if the quiet timer had fired."""
        self._timer.stop()
        self._on_quiet()

    def _finish(self) -> None:
        raw = "".join(self._buffer)
        if len(raw) < self._min_length:
            self._replay()
            return
        gaps = self._gaps
        self._swallow_releases.update(
            held.key() for _target, held in self._held if held.type() == QEvent.Type.KeyPress
        )
        for _target, held in self._held:
            if held.type() == QEvent.Type.KeyRelease:
                self._swallow_releases.discard(held.key())
        self._reset()
        self.key_gaps.emit(gaps)
        self.scanned.emit(raw)

    def _replay(self) -> None:
        """Give the held keys to the widgets they were meant for: it was typing after all."""
        held = self._held
        self._reset()
        self._replaying = True
        try:
            for target, event in held:
                if shiboken6.isValid(target):
                    QApplication.sendEvent(target, event)
        finally:
            self._replaying = False

    def _reset(self) -> None:
        self._state = _State.IDLE
        self._held: list[tuple[QWidget, QKeyEvent]] = []
        self._buffer: list[str] = []
        self._gaps: list[float] = []
        self._alt_digits = ""
        self._last_press = 0.0

    # -- where we listen -----------------------------------------------------------------------

    def _active(self) -> bool:
        scope = self._scope
        if not self._enabled or scope is None or not shiboken6.isValid(scope):
            return False
        if not (scope.isVisible() and scope.isEnabled()):
            return False
        active = QApplication.activeWindow()
        window = scope.window()
        # A dialog opened over the bench still belongs to it: its default button is exactly
        # what an Enter suffix must not press.
        while active is not None:
            if active is window:
                return True
            active = active.parentWidget()
            active = active.window() if active is not None else None
        return QApplication.activeWindow() is None

    @staticmethod
    def _is_target(watched: QWidget) -> bool:
        # The window's own focus widget, not QApplication.focusWidget(): that one is None for
        # a moment after a window opens, while keys already reach the window's focus widget.
        focus = watched.window().focusWidget()
        if focus is not None:
            return watched is focus
        return watched.isWindow()


def _classify(event: QKeyEvent) -> _Key:
    key = event.key()
    modifiers = event.modifiers()
    text = event.text()
    if key in _SUFFIX_KEYS:
        return _Key.SUFFIX
    if key in _MODIFIER_KEYS:
        return _Key.MODIFIER
    if text == "\x1d" or (
        key == Qt.Key.Key_BracketRight
        and modifiers & Qt.KeyboardModifier.ControlModifier
        and not modifiers & Qt.KeyboardModifier.AltModifier
    ):
        return _Key.GS
    if (modifiers & Qt.KeyboardModifier.AltModifier and modifiers & Qt.KeyboardModifier.KeypadModifier
            and key in _KEYPAD_DIGITS):
        return _Key.ALT_DIGIT
    others = modifiers & ~_PLAIN
    if text and text.isprintable() and (others == Qt.KeyboardModifier.NoModifier or others == _ALTGR):
        return _Key.CHAR
    return _Key.OTHER


def _alt_code_char(digits: str) -> str:
    """The character Windows makes of Alt + keypad digits (leading 0: ANSI, else OEM page)."""
    byte = bytes([int(digits) % 256])
    return byte.decode("cp1252" if digits.startswith("0") else "cp437", "replace")
