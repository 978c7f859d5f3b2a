"""The trust tests report what they ran (scans, processes, kills) at the end of the session."""

from __future__ import annotations

from collections.abc import Callable

import pytest

LINES: list[str] = []


@pytest.fixture
def trust_report() -> Callable[[str], None]:
    """Add a line to the figures printed after the test session."""
    return LINES.append


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if LINES:
        terminalreporter.section("trust figures")
        for line in LINES:
            terminalreporter.write_line(line)
