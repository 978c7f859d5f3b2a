"""The verdict reads for colour-blind technicians and under glare: WCAG AA contrast for every state,
and accepted and rejected told apart by symbol and word, not by colour alone."""

from __future__ import annotations

from importlib import resources

import pytest
from PySide6.QtGui import QRawFont

from ui.intake.bench import MARK
from ui.intake.verdict_panel import STATES, VerdictPanel

WCAG_AA_TEXT = 4.5


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of an #rrggbb colour."""
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(a: str, b: str) -> float:
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_matches_known_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # just below AA


@pytest.mark.parametrize("state", sorted(STATES))
def test_every_verdict_state_meets_wcag_aa(state: str) -> None:
    background, text = STATES[state]
    assert contrast_ratio(background, text) >= WCAG_AA_TEXT


def test_accepted_and_rejected_differ_by_symbol_and_word(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert MARK["accepted"] != MARK["rejected"]
    assert not any(ch.isalnum() for ch in MARK["accepted"] + MARK["rejected"])
    # The symbols exist in the bundled font, so a station without symbol fonts shows them too.
    font = QRawFont((resources.files("resources") / "fonts" / "wqy-microhei.ttc").read_bytes(), 54)
    assert all(font.supportsCharacter(ch) for ch in MARK["accepted"] + MARK["rejected"])
    panel = VerdictPanel()
    qtbot.addWidget(panel)
    panel.show_state("accepted", f"{MARK['accepted']} ACCEPTED", "")
    accepted_sheet = panel.styleSheet()
    panel.show_state("rejected", f"{MARK['rejected']} REJECTED", "")
    assert panel.title.text().startswith("✖") and "REJECTED" in panel.title.text()
    assert STATES["rejected"][0] in panel.styleSheet() and accepted_sheet != panel.styleSheet()
