"""The verdict panel: one large block of colour, a symbol and words, readable from two metres.

Colour alone is not enough (colour-blind technicians, glare on the screen), so every state also
has its own symbol and word: ✔ ACCEPTED, ✖ REJECTED, ℹ for information, ⚠ for a problem of the
station itself.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

# Background, text. Dark enough for white text at AA contrast.
STATES: dict[str, tuple[str, str]] = {
    "accepted": ("#1b7f3b", "#ffffff"),
    "rejected": ("#b3261e", "#ffffff"),
    "info": ("#1f5fa8", "#ffffff"),
    "error": ("#8a4b00", "#ffffff"),
    "idle": ("#e8ecf1", "#1d2733"),
}
_CONTROL_NAMES = {"\x1d": "␝", "\t": "⇥", "\r": "␍", "\n": "␊"}


def visible_raw(raw: str) -> str:
    """The raw scan with its control characters made visible (GS as ␝)."""
    return "".join(_CONTROL_NAMES.get(ch, ch if ch.isprintable() else "�") for ch in raw)


class VerdictPanel(QFrame):
    """Shows the state of the last scan: title (symbol and word) and the reason in plain words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictPanel")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(220)
        self.title = QLabel()
        self.title.setObjectName("verdictTitle")
        title_font = QFont(self.font())
        title_font.setPointSize(54)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.message = QLabel()
        self.message.setObjectName("verdictMessage")
        message_font = QFont(self.font())
        message_font.setPointSize(22)
        self.message.setFont(message_font)
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.state = "idle"

    def show_state(self, state: str, title: str, message: str) -> None:
        """Switch to `state` (accepted / rejected / info / error / idle) with these words."""
        self.state = state if state in STATES else "info"
        background, text = STATES[self.state]
        self.setStyleSheet(f"#verdictPanel {{ background: {background}; border-radius: 10px; }}"
                           f" QLabel {{ color: {text}; background: transparent; }}")
        self.title.setText(title)
        self.message.setText(message)

    @staticmethod
    def colour(state: str) -> QColor:
        """The state's colour, for marks elsewhere on the bench (log lines)."""
        background = STATES.get(state, STATES["info"])[0]
        return QColor(background)
