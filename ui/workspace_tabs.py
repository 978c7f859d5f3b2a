"""The main window's workspace tabs, each workspace built the first time it is looked at.

Building every workspace at start counted queues and loaded lists of the whole database before
the window could show (seconds at a million work orders); a tab now holds an empty stand-in
until it is opened, or until code asks for its workspace by title.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget, QVBoxLayout, QWidget

from ui.i18n import error_text

log = logging.getLogger(__name__)

Factory = Callable[[], QWidget]


class LazyWorkspaces(Mapping[str, QWidget]):
    """Workspaces by their English title; looking one up builds it if it is not built yet."""

    def __init__(self, tabs: QTabWidget) -> None:
        self._tabs = tabs
        self._factories: dict[str, Factory] = {}
        self._stand_ins: dict[str, QWidget] = {}
        self._built: dict[str, QWidget] = {}
        tabs.currentChanged.connect(self._opened)

    def add(self, title: str, label: str, factory: Factory) -> int:
        """A tab named `label` whose workspace `factory` makes when first needed; its index."""
        stand_in = QWidget()
        self._factories[title] = factory
        self._stand_ins[title] = stand_in
        index = self._tabs.addTab(stand_in, label)
        if self._tabs.currentWidget() is stand_in:  # the first tab is shown at once
            self._opened(index)
        return index

    def __getitem__(self, title: str) -> QWidget:
        if title in self._built:
            return self._built[title]
        if title not in self._factories:
            raise KeyError(title)
        return self._build(title)

    def __iter__(self) -> Iterator[str]:
        return iter(self._factories)

    def __len__(self) -> int:
        return len(self._factories)

    def built(self) -> list[QWidget]:
        """The workspaces made so far, without making the others."""
        return list(self._built.values())

    def is_built(self, title: str) -> bool:
        return title in self._built

    def build_all(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            for title in self._factories:
                self[title]
        finally:
            QApplication.restoreOverrideCursor()

    def _opened(self, index: int) -> None:
        widget = self._tabs.widget(index)
        for title, stand_in in self._stand_ins.items():
            if stand_in is widget:
                try:
                    self._build(title)
                except Exception as exc:  # noqa: BLE001 - the person must see it, not stderr
                    log.exception("workspace %s could not be built", title)
                    self._say_why(stand_in, exc)
                return

    @staticmethod
    def _say_why(stand_in: QWidget, error: BaseException) -> None:
        """The tab says what went wrong; opening it again tries again."""
        label = stand_in.findChild(QLabel)
        if label is None:
            label = QLabel()
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            QVBoxLayout(stand_in).addWidget(label)
        label.setText(QCoreApplication.translate(
            "Workspaces", "This workspace could not be opened: {0}\n\nCheck the database "
            "connection, then open the tab again.").format(error_text(error) or type(error).__name__))

    def _build(self, title: str) -> QWidget:
        widget = self._factories[title]()
        self._built[title] = widget
        stand_in = self._stand_ins.pop(title)
        index = self._tabs.indexOf(stand_in)
        current = self._tabs.currentIndex()
        # Swapping the tab's page must not look like the person changing tabs.
        blocked = self._tabs.blockSignals(True)
        try:
            label, tip = self._tabs.tabText(index), self._tabs.tabToolTip(index)
            self._tabs.removeTab(index)
            self._tabs.insertTab(index, widget, label)
            self._tabs.setTabToolTip(index, tip)
            self._tabs.setCurrentIndex(current)
        finally:
            self._tabs.blockSignals(blocked)
        stand_in.deleteLater()
        return widget
