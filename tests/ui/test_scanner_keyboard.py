"""ScanCapture driven by real key events at scanner and at human speed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPushButton, QVBoxLayout, QWidget

from core.rules.barcodes import parse_scan
from ui.scanner.keyboard import ScanCapture

GTIN = "09506000134376"


class StepClock:
    """Each key press is ``step`` ms after the previous one; tests change ``step`` at will."""

    def __init__(self, step: float = 5.0) -> None:
        self.step = step
        self.now = 0.0

    def __call__(self, _event) -> float:
        self.now += self.step
        return self.now


class Bench(QWidget):
    """A stand-in for the intake workspace: two fields and a button."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.serial_field = QLineEdit()
        self.notes_field = QLineEdit()
        self.button = QPushButton("Close parcel")
        for widget in (self.serial_field, self.notes_field, self.button):
            layout.addWidget(widget)


@pytest.fixture
def clock():
    return StepClock()


@pytest.fixture
def bench(qtbot):
    widget = Bench()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitActive(widget)  # offscreen focus only works in the active window
    widget.serial_field.setFocus()
    return widget


@pytest.fixture
def capture(bench, clock):
    scan_capture = ScanCapture(clock=clock)
    scan_capture.install()
    scan_capture.set_scope(bench)
    yield scan_capture
    scan_capture.uninstall()


def scan(window_widget: QWidget, text: str, *, suffix: Qt.Key | None = Qt.Key.Key_Return,
         delay: int = -1) -> None:
    """Type ``text`` through the platform path (window -> shortcut map -> focus widget).

    ``"\\x1d"`` in the text is sent as Ctrl+], as scanners do.
    """
    window = window_widget.window().windowHandle()
    for char in text:
        if char == "\x1d":
            QTest.keyClick(window, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier, delay)
        else:
            QTest.keyClick(window, char, Qt.KeyboardModifier.NoModifier, delay)
    if suffix is not None:
        QTest.keyClick(window, suffix, Qt.KeyboardModifier.NoModifier, delay)


def test_burst_into_a_line_edit_is_taken_and_the_field_stays_empty(qtbot, bench, capture):
    with qtbot.wait_signal(capture.scanned) as blocker:
        scan(bench, "SN-0001")

    assert blocker.args == ["SN-0001"]
    assert bench.serial_field.text() == ""
    assert bench.notes_field.text() == ""


def test_ctrl_bracket_separators_are_kept(qtbot, bench, capture):
    with qtbot.wait_signal(capture.scanned) as blocker:
        scan(bench, f"]C101{GTIN}10LOT42\x1d21SN0001")

    raw = blocker.args[0]
    assert raw == f"]C101{GTIN}10LOT42\x1d21SN0001"
    parsed = parse_scan(raw)
    assert (parsed.kind, parsed.batch, parsed.serial) == ("gs1", "LOT42", "SN0001")


def test_tab_suffix_does_not_move_focus(qtbot, bench, capture):
    with qtbot.wait_signal(capture.scanned):
        scan(bench, "SN-0002", suffix=Qt.Key.Key_Tab)

    assert QApplication.focusWidget() is bench.serial_field
    qtbot.wait(80)  # nothing replayed later either
    assert bench.serial_field.text() == ""


def test_scan_while_focus_is_on_a_button_does_not_press_it(qtbot, bench, capture):
    bench.button.setFocus()
    with qtbot.assert_not_emitted(bench.button.clicked), qtbot.wait_signal(capture.scanned) as blocker:
        scan(bench, "AB 12")  # the space would click a focused button
        qtbot.wait(80)

    assert blocker.args == ["AB 12"]


def test_enter_suffix_does_not_press_a_dialogs_default_button(qtbot, clock):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    field = QLineEdit(dialog)
    ok = QPushButton("OK", dialog)
    ok.setDefault(True)
    ok.clicked.connect(dialog.accept)
    layout = QVBoxLayout(dialog)
    layout.addWidget(field)
    layout.addWidget(ok)
    dialog.show()
    qtbot.waitActive(dialog)
    field.setFocus()
    capture = ScanCapture(clock=clock)
    capture.install()
    capture.set_scope(dialog)
    try:
        with qtbot.assert_not_emitted(ok.clicked), qtbot.wait_signal(capture.scanned):
            scan(dialog, "WO-2024-0042", suffix=Qt.Key.Key_Enter)
        assert dialog.isVisible() and dialog.result() == 0
        assert field.text() == ""
    finally:
        capture.uninstall()


def test_dialog_over_the_bench_is_covered_by_the_bench_scope(qtbot, bench, capture):
    dialog = QDialog(bench)
    ok = QPushButton("OK", dialog)
    ok.setDefault(True)
    dialog.show()
    qtbot.waitActive(dialog)
    with qtbot.assert_not_emitted(ok.clicked), qtbot.wait_signal(capture.scanned):
        scan(dialog, "SN-0003")
    assert dialog.isVisible()


def test_slow_typing_reaches_the_field(qtbot, bench, capture, clock):
    clock.step = 150
    with qtbot.assert_not_emitted(capture.scanned):
        scan(bench, "ab1", suffix=None)
        qtbot.waitUntil(lambda: bench.serial_field.text() == "ab1", timeout=1000)


def test_typed_enter_still_submits(qtbot, bench, capture, clock):
    clock.step = 150
    with qtbot.wait_signal(bench.serial_field.returnPressed, timeout=1000):
        scan(bench, "7", suffix=Qt.Key.Key_Return)
    assert bench.serial_field.text() == "7"


def test_two_fast_typed_keys_are_replayed_not_scanned(qtbot, bench, capture):
    with qtbot.assert_not_emitted(capture.scanned):
        scan(bench, "th", suffix=None)
        qtbot.waitUntil(lambda: bench.serial_field.text() == "th", timeout=1000)


def test_scanner_without_suffix_ends_on_silence(qtbot, bench, capture):
    with qtbot.wait_signal(capture.scanned, timeout=1000) as blocker:
        scan(bench, "SN-0004", suffix=None)

    assert blocker.args == ["SN-0004"]
    assert bench.serial_field.text() == ""


def test_burst_then_slow_key_splits_scan_from_typing(qtbot, bench, capture, clock):
    with qtbot.wait_signal(capture.scanned) as blocker:
        scan(bench, "SN-0005")
    clock.step = 200
    scan(bench, "x", suffix=None)
    qtbot.waitUntil(lambda: bench.serial_field.text() == "x", timeout=1000)
    assert blocker.args == ["SN-0005"]


def test_key_gaps_come_before_scanned(qtbot, bench, capture):
    events = []
    capture.key_gaps.connect(lambda gaps: events.append(("gaps", gaps)))
    capture.scanned.connect(lambda raw: events.append(("scanned", raw)))

    scan(bench, "SN1")

    assert events == [("gaps", [5.0, 5.0, 5.0]), ("scanned", "SN1")]


def test_alt_keypad_029_becomes_gs(qtbot, bench, capture):
    field = bench.serial_field
    alt = Qt.KeyboardModifier.AltModifier
    alt_keypad = alt | Qt.KeyboardModifier.KeypadModifier

    def send(kind, key, modifiers, text=""):
        # Straight to the focus widget: QTest would press and release Alt around each digit.
        QApplication.sendEvent(field, QKeyEvent(kind, key, modifiers, text))

    with qtbot.wait_signal(capture.scanned) as blocker:
        scan(bench, "10L1", suffix=None)
        send(QEvent.Type.KeyPress, Qt.Key.Key_Alt, alt)
        for key, digit in ((Qt.Key.Key_0, "0"), (Qt.Key.Key_2, "2"), (Qt.Key.Key_9, "9")):
            send(QEvent.Type.KeyPress, key, alt_keypad, digit)
            send(QEvent.Type.KeyRelease, key, alt_keypad, digit)
        send(QEvent.Type.KeyRelease, Qt.Key.Key_Alt, Qt.KeyboardModifier.NoModifier)
        scan(bench, "21S")

    assert blocker.args == ["10L1\x1d21S"]
    assert field.text() == ""


def test_a_shortcut_does_not_fire_during_a_scan(qtbot, bench, capture):
    fired = []
    action = QAction(bench)
    action.setShortcut(QKeySequence("Ctrl+]"))
    action.triggered.connect(lambda: fired.append(True))
    bench.addAction(action)
    bench.button.setFocus()  # a button, unlike a QLineEdit, lets shortcuts through
    with qtbot.wait_signal(capture.scanned):
        scan(bench, "10A\x1d21B")
    assert fired == []


def test_inactive_when_scope_hidden_or_disabled(qtbot, bench, capture, clock):
    other = QWidget(bench)
    capture.set_scope(other)
    other.hide()
    with qtbot.assert_not_emitted(capture.scanned):
        scan(bench, "SN9", suffix=None)
    assert bench.serial_field.text() == "SN9"  # straight through: nothing held back

    bench.serial_field.clear()
    capture.set_scope(bench)
    capture.set_enabled(False)
    assert not capture.is_enabled()
    with qtbot.assert_not_emitted(capture.scanned):
        scan(bench, "SN8", suffix=None)
    assert bench.serial_field.text() == "SN8"


def test_auto_repeat_passes_through(qtbot, bench, capture):
    # A key held down repeats every ~30 ms, faster than the threshold, but is a person.
    for _ in range(4):
        QApplication.sendEvent(bench.serial_field, QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a", True))

    assert bench.serial_field.text() == "aaaa"  # at once: nothing held back


def test_real_timing_with_qtest_delays(qtbot, bench):
    # The real monotonic clock; 80 ms leaves margin for a busy CI runner on both sides.
    capture = ScanCapture(threshold_ms=80)
    capture.install()
    capture.set_scope(bench)
    try:
        with qtbot.wait_signal(capture.scanned, timeout=2000) as blocker:
            scan(bench, "SN-77", delay=5)
        assert blocker.args == ["SN-77"]
        assert bench.serial_field.text() == ""

        with qtbot.assert_not_emitted(capture.scanned):
            scan(bench, "42", suffix=None, delay=200)
            qtbot.waitUntil(lambda: bench.serial_field.text() == "42", timeout=2000)
    finally:
        capture.uninstall()


def test_prepare_scan_field_turns_input_methods_off(bench):
    ScanCapture.prepare_scan_field(bench.serial_field)

    assert not bench.serial_field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    assert bench.serial_field.inputMethodHints() & Qt.InputMethodHint.ImhLatinOnly


def test_scanner_test_page_shows_raw_scan_fields_and_gaps(qtbot, clock):
    from ui.scanner.test_page import ScannerTestPage

    capture = ScanCapture(clock=clock)
    capture.install()
    page = ScannerTestPage(capture)
    capture.set_scope(page)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitActive(page)
    page.threshold.setFocus()
    try:
        with qtbot.wait_signal(capture.scanned):
            scan(page, f"]C101{GTIN}10L1\x1d21SN7")
        row = page.scans.topLevelItem(0)
        assert row.text(2) == f"]C101{GTIN}10L1<GS>21SN7"
        assert row.text(3) == "GS1-128"
        assert row.text(4) == "gs1"
        assert "serial=SN7" in row.text(5) and "batch=L1" in row.text(5)
        assert row.text(6).endswith("ms (max 5)")
        assert page.threshold.value() == 50  # the digits went to the scan, not the spin box

        page.threshold.setValue(80)
        assert capture.threshold_ms == 80
    finally:
        capture.uninstall()
