"""Why a scan at the intake bench is refused: stable reason codes and their plain words.

Codes are stored with every scan and printed by the `scan` command; they never change meaning.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from core.unit_of_work import UnitOfWork


class Reason(enum.StrEnum):
    NO_WORK_ORDER = "no_work_order"
    NOT_ON_WORK_ORDER = "not_on_work_order"
    WRONG_MODEL = "wrong_model"
    ALREADY_RECEIVED = "already_received"
    WORK_ORDER_CLOSED = "work_order_closed"
    WORK_ORDER_INCOMPLETE = "work_order_incomplete"
    MISSING_ORDER_NUMBER = "missing_order_number"
    MISSING_DIAGNOSIS_REPORT = "missing_diagnosis_report"
    UNREADABLE = "unreadable"
    KEYBOARD_LAYOUT = "keyboard_layout"
    AMBIGUOUS_SERIAL = "ambiguous_serial"
    PARCEL_OPEN = "parcel_open"


REASON_TEXT: dict[Reason, str] = {
    Reason.NO_WORK_ORDER: "{text} matches no open work order (rule I1). Refuse the parcel if "
                          "its paperwork names none.",
    Reason.NOT_ON_WORK_ORDER: "Serial {serial} is not on work order {number}.{elsewhere}",
    Reason.WRONG_MODEL: "Serial {serial} is a {scanned}, but the work order expects a "
                        "{expected} (rule I7).",
    Reason.ALREADY_RECEIVED: "Serial {serial} was already received for {number} and is still "
                             "in the center (rule I7).",
    Reason.WORK_ORDER_CLOSED: "Work order {number} is {status}: nothing more can be received "
                              "for it (rule I7).",
    Reason.WORK_ORDER_INCOMPLETE: "Work order {number} is incomplete ({what}): the parcel "
                                  "cannot be accepted (rule I1).",
    Reason.MISSING_ORDER_NUMBER: "Work order {number} has no sales order number, which this "
                                 "vendor requires (rules I5, I6).",
    Reason.MISSING_DIAGNOSIS_REPORT: "Work order {number} has no fault diagnosis report, "
                                     "which switches and optical modules need (rule I6).",
    Reason.UNREADABLE: "The scan could not be read: {detail}",
    Reason.KEYBOARD_LAYOUT: "The scan looks garbled by a keyboard layout: {detail}",
    Reason.AMBIGUOUS_SERIAL: "Serial {text} is on several open work orders ({numbers}): scan "
                             "the work-order barcode first.",
    Reason.PARCEL_OPEN: "A parcel for {number} is still open: close it (F9) before starting "
                        "another.",
}


@dataclass(frozen=True)
class IntakeNeeds:
    order_number: bool = False
    diagnosis_report: bool = False


def requirements_for(uow: UnitOfWork, policy_codes: set[str], categories: set[str]) -> IntakeNeeds:
    """What the policies of these products require before a parcel is accepted (I5, I6)."""
    from core.services.policies import policy_for

    needs_order = needs_report = False
    for code in policy_codes:
        terms = policy_for(uow, code).intake
        needs_order |= terms.requires_order_number
        needs_report |= bool(categories & set(terms.diagnosis_report_for))
    return IntakeNeeds(needs_order, needs_report)
