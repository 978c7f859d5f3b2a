"""The keyboard-shortcut overlay (F1): every key the window really answers to, by workspace.

The list is read from the live widget tree each time it opens (menu actions, QShortcuts, buttons
with a shortcut or an Alt mnemonic), never from a hand-kept table, so it cannot drift from what
the keys do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QLineEdit,
    QMenu,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

EVERYWHERE = QT_TRANSLATE_NOOP("ShortcutsOverlay", "Everywhere")
_KEY_HINT = re.compile(r"\s*\(([^()]*)\)\s*$")
# Chinese and Japanese menus put the mnemonic after the words: "设置(&S)…".
_TRAILING_MNEMONIC = re.compile(r"\s*\(&[^&()]\)")


@dataclass(frozen=True)
class Shortcut:
    """One key of the window: `keys` as the platform writes them, what it does, and where."""

    keys: str
    description: str
    area: str


def _plain(text: str) -> str:
    """A menu or button text without its mnemonic marker, ellipsis or "(F9)" key hint."""
    text = _TRAILING_MNEMONIC.sub("", text.replace("&&", "\0"))
    text = text.replace("&", "").replace("\0", "&")
    return _KEY_HINT.sub("", text).rstrip("…. ").strip()


def _native(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def _owner(obj: QObject | None) -> QWidget | None:
    """The widget an action or shortcut belongs to (a menu's action belongs to the window)."""
    while obj is not None and (not isinstance(obj, QWidget) or isinstance(obj, QMenu)):
        obj = obj.parent()
    return obj


def _area(widget: QWidget | None, tabs: QTabWidget | None) -> str:
    if widget is None or tabs is None:
        return EVERYWHERE
    for index in range(tabs.count()):
        page = tabs.widget(index)
        if page is widget or page.isAncestorOf(widget):
            return tabs.tabText(index).replace("&", "")
    return EVERYWHERE


def _describe_shortcut(shortcut: QShortcut, keys: str) -> str:
    """A QShortcut's own words, else the button beside it that names the key, e.g. "(F9)"."""
    if shortcut.whatsThis():
        return shortcut.whatsThis()
    parent = _owner(shortcut)
    if parent is not None:
        for button in parent.findChildren(QAbstractButton):
            hint = _KEY_HINT.search(button.text())
            if hint and QKeySequence(hint.group(1)).matches(QKeySequence(keys)) \
                    == QKeySequence.SequenceMatch.ExactMatch:
                return _plain(button.text())
    return ""


def collect(window: QWidget, tabs: QTabWidget | None = None) -> list[Shortcut]:
    """Every shortcut registered under `window`, in workspace then key order, without repeats.

    Args:
        window: The main window (or any widget whose keys are wanted).
        tabs: The workspace tabs, to tell which workspace a key belongs to.
    """
    found: set[Shortcut] = set()

    def add(sequence: QKeySequence, description: str, owner: QWidget | None) -> None:
        keys = _native(sequence)
        # A dialog's keys work only inside that dialog, so they are not the window's.
        if keys and (owner is None or owner.window() is window.window()):
            found.add(Shortcut(keys, description or QCoreApplication.translate(
                "ShortcutsOverlay", "(no description)"), _area(owner, tabs)))

    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            add(sequence, _plain(action.text()) or action.toolTip(), _owner(action))
    for shortcut in window.findChildren(QShortcut):
        for sequence in shortcut.keys():
            add(sequence, _describe_shortcut(shortcut, sequence.toString()), _owner(shortcut))
    for button in window.findChildren(QAbstractButton):
        if not button.shortcut().isEmpty():
            add(button.shortcut(), _plain(button.text()) or button.toolTip(), button)
    order = {EVERYWHERE: -1}
    if tabs is not None:
        order.update({tabs.tabText(i).replace("&", ""): i for i in range(tabs.count())})
    return sorted(found, key=lambda s: (order.get(s.area, 99), s.area, s.keys, s.description))


class ShortcutsOverlay(QDialog):
    """The list of keys by workspace, with a filter; F1 or Esc closes it."""

    def __init__(self, shortcuts: list[Shortcut], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(620, 640)
        self.shortcuts = shortcuts
        self.filter = QLineEdit(placeholderText=self.tr("Filter: a key or a word"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._fill)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Keys"), self.tr("What it does")])
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnWidth(0, 170)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        close = QShortcut(QKeySequence("F1"), self)
        close.setWhatsThis(self.tr("Close this list"))
        close.activated.connect(self.close)
        self._fill("")

    def _fill(self, text: str) -> None:
        self.tree.clear()
        needle = text.strip().lower()
        groups: dict[str, QTreeWidgetItem] = {}
        for shortcut in self.shortcuts:
            if needle and needle not in f"{shortcut.keys} {shortcut.description}".lower():
                continue
            group = groups.get(shortcut.area)
            if group is None:
                group = groups[shortcut.area] = QTreeWidgetItem(self.tree, [self.tr(shortcut.area)])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFirstColumnSpanned(True)
                group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            QTreeWidgetItem(group, [shortcut.keys, shortcut.description])
        self.tree.expandAll()

    def rows(self) -> list[tuple[str, str, str]]:
        """(area, keys, description) as shown, for checks and tests."""
        shown = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            for r in range(group.childCount()):
                item = group.child(r)
                shown.append((group.text(0), item.text(0), item.text(1)))
        return shown
