"""The codes the repair screens show, in the screen's language: causes, warranty decisions,
answer and payment channels, quote states, deadline kinds and why a deadline has no date.

Core stores and takes the codes (`product_defect`); a combo box shows the words and keeps the
code as its item data. A code without words here shows with spaces, as before translation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox

_CONTEXT = "RepairWords"

CAUSES = {
    "product_defect": QT_TRANSLATE_NOOP("RepairWords", "product defect"),
    "user_damage": QT_TRANSLATE_NOOP("RepairWords", "user damage"),
    "logistics_damage": QT_TRANSLATE_NOOP("RepairWords", "logistics damage"),
    "no_fault_found": QT_TRANSLATE_NOOP("RepairWords", "no fault found"),
    "counterfeit": QT_TRANSLATE_NOOP("RepairWords", "counterfeit"),
}
DECISIONS = {
    "covered": QT_TRANSLATE_NOOP("RepairWords", "covered"),
    "not_covered": QT_TRANSLATE_NOOP("RepairWords", "not covered"),
    "cannot_tell": QT_TRANSLATE_NOOP("RepairWords", "cannot tell"),
}
ANSWER_CHANNELS = {
    "phone": QT_TRANSLATE_NOOP("RepairWords", "phone"),
    "email": QT_TRANSLATE_NOOP("RepairWords", "email"),
    "portal": QT_TRANSLATE_NOOP("RepairWords", "portal"),
    "in_person": QT_TRANSLATE_NOOP("RepairWords", "in person"),
    "chat": QT_TRANSLATE_NOOP("RepairWords", "chat"),
    "letter": QT_TRANSLATE_NOOP("RepairWords", "letter"),
}
PAYMENT_CHANNELS = {
    "bank_transfer": QT_TRANSLATE_NOOP("RepairWords", "bank transfer"),
    "cash": QT_TRANSLATE_NOOP("RepairWords", "cash"),
    "card": QT_TRANSLATE_NOOP("RepairWords", "card"),
    "alipay": QT_TRANSLATE_NOOP("RepairWords", "Alipay"),
    "wechat_pay": QT_TRANSLATE_NOOP("RepairWords", "WeChat Pay"),
    "cash_on_delivery": QT_TRANSLATE_NOOP("RepairWords", "cash on delivery"),
    "other": QT_TRANSLATE_NOOP("RepairWords", "other"),
}
QUOTE_STATES = {
    "draft": QT_TRANSLATE_NOOP("RepairWords", "draft"),
    "sent": QT_TRANSLATE_NOOP("RepairWords", "sent"),
    "accepted": QT_TRANSLATE_NOOP("RepairWords", "accepted"),
    "declined": QT_TRANSLATE_NOOP("RepairWords", "declined"),
    "superseded": QT_TRANSLATE_NOOP("RepairWords", "superseded"),
    "paid": QT_TRANSLATE_NOOP("RepairWords", "paid"),
}
DEADLINE_KINDS = {
    "return_window": QT_TRANSLATE_NOOP("RepairWords", "return window"),
    "send_back": QT_TRANSLATE_NOOP("RepairWords", "send back"),
    "spec_mismatch": QT_TRANSLATE_NOOP("RepairWords", "spec mismatch"),
    "return_by": QT_TRANSLATE_NOOP("RepairWords", "return by"),
    "repair_by": QT_TRANSLATE_NOOP("RepairWords", "repair by"),
    "replacement_ship_by": QT_TRANSLATE_NOOP("RepairWords", "replacement ship by"),
    "faulty_part_due": QT_TRANSLATE_NOOP("RepairWords", "faulty part due"),
    "service_level": QT_TRANSLATE_NOOP("RepairWords", "service level"),
}
# Why a deadline has no date yet (Deadline.problem).
PROBLEMS = {
    "pending": QT_TRANSLATE_NOOP("RepairWords", "pending"),
    "calendar_unknown": QT_TRANSLATE_NOOP("RepairWords", "calendar not announced"),
    "refused": QT_TRANSLATE_NOOP("RepairWords", "refused"),
}


def word(table: Mapping[str, str], code: object) -> str:
    """`code` in the screen's language."""
    text = "" if code is None else str(code)
    label = table.get(text)
    return QCoreApplication.translate(_CONTEXT, label) if label else text.replace("_", " ")


def fill(combo: QComboBox, table: Mapping[str, str], codes: Iterable[str]) -> None:
    """Show `codes` in `combo` in words, each keeping its code as item data."""
    for code in codes:
        combo.addItem(word(table, code), code)
