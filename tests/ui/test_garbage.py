"""Garbage is collected on the GUI thread, never by a background job's allocations."""

from __future__ import annotations

import gc
import threading

from PySide6.QtWidgets import QWidget

from ui.garbage import MainThreadCollector
from ui.worker import run_in_background, wait_for_background_work


class _Cycle:
    def __init__(self) -> None:
        self.me = self
        self.widget_alive = True


def test_a_background_job_never_collects_and_the_gui_thread_does(qtbot, main_thread_collector: MainThreadCollector) -> None:  # type: ignore[no-untyped-def]
    assert not gc.isenabled()
    collected_on: list[str] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collected_on.append(threading.current_thread().name)

    widget = QWidget()
    widget.cycle = _Cycle()  # type: ignore[attr-defined]
    widget.cycle.widget = widget  # type: ignore[attr-defined]  # a widget in a reference cycle
    del widget
    gc.callbacks.append(note)
    try:
        # A job that allocates far past every threshold, as an import or a PDF batch does.
        run_in_background(lambda: [[i] for i in range(300_000)], lambda _: None, lambda _: None)
        assert wait_for_background_work(30_000)
        assert collected_on == []  # the worker thread never collected
        assert main_thread_collector.collect_due() > 0  # the widget's cycle among what it freed
        assert collected_on and set(collected_on) == {threading.main_thread().name}
    finally:
        gc.callbacks.remove(note)


def test_the_timer_collects_what_passed_the_threshold(qtbot) -> None:  # type: ignore[no-untyped-def]
    threshold = gc.get_threshold()[0]
    collector = MainThreadCollector(interval_ms=10)
    try:
        for _ in range(threshold + 100):
            _Cycle()
        assert gc.get_count()[0] > threshold  # not collected where they were made
        qtbot.waitUntil(lambda: gc.get_count()[0] < threshold, timeout=2_000)
    finally:
        collector.timer.stop()  # the session's collector stays in charge
