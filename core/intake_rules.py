"""Why a scan at the intake bench is refused: stable reason codes and their plain words.

Codes are stored with every scan and printed by the `scan` command; they never change meaning.
Their words, and the bench's other sentences, are in core.messages' catalogue in every language
of the screens; the English wording is the one stored with a scan.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from core.messages import add, text
from core.policies.schema import Policy
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


# Key -> language -> template, in core.messages' catalogue. "reason.<code>" words a refusal;
# the others word what the bench says when a scan is taken or a work order opened.
INTAKE_MESSAGES: dict[str, dict[str, str]] = {
    "reason.no_work_order": {
        "en": "{text} matches no open work order (rule I1). Refuse the parcel if its paperwork "
              "names none.",
        "zh_CN": "{text} 没有匹配的未结工单（规则 I1）。如果随附单据上也没有工单号，请拒收该包裹。",
        "zh_TW": "{text} 沒有相符的未結工單（規則 I1）。若隨附單據上也沒有工單號碼，請拒收該包裹。",
    },
    "reason.not_on_work_order": {
        "en": "Serial {serial} is not on work order {number}.{elsewhere}",
        "zh_CN": "序列号 {serial} 不在工单 {number} 上。{elsewhere}",
        "zh_TW": "序號 {serial} 不在工單 {number} 上。{elsewhere}",
    },
    "reason.wrong_model": {
        "en": "Serial {serial} is a {scanned}, but the work order expects a {expected} (rule I7).",
        "zh_CN": "序列号 {serial} 是 {scanned}，但工单要求的是 {expected}（规则 I7）。",
        "zh_TW": "序號 {serial} 是 {scanned}，但工單要求的是 {expected}（規則 I7）。",
    },
    "reason.already_received": {
        "en": "Serial {serial} was already received for {number} and is still in the center "
              "(rule I7).",
        "zh_CN": "序列号 {serial} 已为 {number} 收货，且仍在维修中心（规则 I7）。",
        "zh_TW": "序號 {serial} 已為 {number} 收貨，且仍在維修中心（規則 I7）。",
    },
    "reason.work_order_closed": {
        "en": "Work order {number} is {status}: nothing more can be received for it (rule I7).",
        "zh_CN": "工单 {number} 的状态为{status}：不能再为其收货（规则 I7）。",
        "zh_TW": "工單 {number} 的狀態為{status}：無法再為其收貨（規則 I7）。",
    },
    "reason.work_order_incomplete": {
        "en": "Work order {number} is incomplete ({what}): the parcel cannot be accepted "
              "(rule I1).",
        "zh_CN": "工单 {number} 信息不完整（{what}）：不能接收该包裹（规则 I1）。",
        "zh_TW": "工單 {number} 資料不完整（{what}）：無法接收該包裹（規則 I1）。",
    },
    "reason.missing_order_number": {
        "en": "Work order {number} has no sales order number, which this vendor requires "
              "(rules I5, I6).",
        "zh_CN": "工单 {number} 缺少销售订单号，该厂商要求必须提供（规则 I5、I6）。",
        "zh_TW": "工單 {number} 缺少銷售訂單號碼，此廠商要求必須提供（規則 I5、I6）。",
    },
    "reason.missing_diagnosis_report": {
        "en": "Work order {number} has no fault diagnosis report, which switches and optical "
              "modules need (rule I6).",
        "zh_CN": "工单 {number} 缺少故障诊断报告，交换机和光模块必须提供（规则 I6）。",
        "zh_TW": "工單 {number} 缺少故障診斷報告，交換器與光模組必須提供（規則 I6）。",
    },
    "reason.unreadable": {
        "en": "The scan could not be read: {detail}",
        "zh_CN": "无法识别该扫描：{detail}",
        "zh_TW": "無法辨識此次掃描：{detail}",
    },
    "reason.keyboard_layout": {
        "en": "The scan looks garbled by a keyboard layout: {detail}",
        "zh_CN": "扫描内容似乎因键盘布局而错乱：{detail}",
        "zh_TW": "掃描內容似乎因鍵盤配置而錯亂：{detail}",
    },
    "reason.ambiguous_serial": {
        "en": "Serial {text} is on several open work orders ({numbers}): scan the work-order "
              "barcode first.",
        "zh_CN": "序列号 {text} 出现在多个未结工单上（{numbers}）：请先扫描工单条码。",
        "zh_TW": "序號 {text} 出現在多張未結工單上（{numbers}）：請先掃描工單條碼。",
    },
    "reason.parcel_open": {
        "en": "A parcel for {number} is still open: close it (F9) before starting another.",
        "zh_CN": "{number} 的包裹尚未关闭：请先关闭（F9）再开始下一个。",
        "zh_TW": "{number} 的包裹尚未關閉：請先關閉（F9）再開始下一個。",
    },
    # Parts of the reasons above.
    "reason.elsewhere": {
        "en": " It belongs to open work order {number}.",
        "zh_CN": "它属于未结工单 {number}。",
        "zh_TW": "它屬於未結工單 {number}。",
    },
    "reason.incomplete.no_units": {"en": "no units", "zh_CN": "没有设备", "zh_TW": "沒有設備"},
    "reason.incomplete.no_return_address": {
        "en": "no return address", "zh_CN": "没有回寄地址", "zh_TW": "沒有回寄地址",
    },
    # What the bench says when a scan is taken.
    "scan.work_order_opened": {
        "en": "Work order {number} ({customer}): scan the units, {waiting} of {total} still "
              "expected.",
        "zh_CN": "工单 {number}（{customer}）：请扫描设备，共 {total} 台，尚有 {waiting} 台未到。",
        "zh_TW": "工單 {number}（{customer}）：請掃描設備，共 {total} 台，尚有 {waiting} 台未到。",
    },
    "scan.received": {
        "en": "{serial} ({model}) received for {number}.",
        "zh_CN": "{serial}（{model}）已为 {number} 收货。",
        "zh_TW": "{serial}（{model}）已為 {number} 收貨。",
    },
    "scan.units_left": {
        "en": " {left} unit(s) still expected.",
        "zh_CN": "尚有 {left} 台未到。",
        "zh_TW": "尚有 {left} 台未到。",
    },
    "scan.all_in": {
        "en": " All units of the work order are in.",
        "zh_CN": "该工单的全部设备均已到齐。",
        "zh_TW": "此工單的所有設備均已到齊。",
    },
    # What a closed work order or an ended unit is, inside "reason.work_order_closed".
    "scan.order_status.closed": {"en": "closed", "zh_CN": "已关闭", "zh_TW": "已關閉"},
    "scan.order_status.cancelled": {"en": "cancelled", "zh_CN": "已取消", "zh_TW": "已取消"},
    "scan.order_status.refused": {"en": "refused", "zh_CN": "已拒收", "zh_TW": "已拒收"},
    "scan.unit_status.cancelled": {
        "en": "unit cancelled", "zh_CN": "设备已取消", "zh_TW": "設備已取消"},
    "scan.unit_status.refused": {"en": "unit refused", "zh_CN": "设备已拒收", "zh_TW": "設備已拒收"},
    "scan.unit_status.shipped": {"en": "unit shipped", "zh_CN": "设备已寄回", "zh_TW": "設備已寄回"},
    "scan.unit_status.closed": {"en": "unit closed", "zh_CN": "设备已结案", "zh_TW": "設備已結案"},
    # The verdict itself, as the bench's panel and the slips name it.
    "verdict.accepted": {"en": "ACCEPTED", "zh_CN": "接收", "zh_TW": "接收"},
    "verdict.rejected": {"en": "REJECTED", "zh_CN": "拒收", "zh_TW": "拒收"},
    "verdict.info": {"en": "INFO", "zh_CN": "提示", "zh_TW": "提示"},
}
add(INTAKE_MESSAGES)

#: The English wording of each reason: what is stored with a scan and printed by `scan`.
REASON_TEXT: dict[Reason, str] = {
    reason: INTAKE_MESSAGES[f"reason.{reason.value}"]["en"] for reason in Reason}


def reason_text(reason: Reason | str, language: str | None, **details: object) -> str:
    """Why a scan was refused, in `language` ("en", "zh_CN", "zh_TW")."""
    return text(f"reason.{Reason(reason).value}", language, **details)


@dataclass
class Wording:
    """A catalogue message and its parameters, kept apart so that each screen renders it in its
    own language; the English rendering is what is stored. A parameter may itself be a
    `Wording` (a reason's part, a state's name), rendered in the same language.
    """

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, language: str | None) -> str:
        return text(self.key, language, **{
            name: value.render(language) if isinstance(value, Wording) else value
            for name, value in self.params.items()})

    def as_json(self) -> dict[str, Any]:
        """Storable form: {"key": ..., "params": {...}}, a Wording parameter nested the same way
        under {"wording": ...} (parameters are strings and numbers otherwise)."""
        return {"key": self.key, "params": {
            name: {"wording": value.as_json()} if isinstance(value, Wording) else value
            for name, value in self.params.items()}}

    @classmethod
    def from_json(cls, stored: dict[str, Any]) -> Wording:
        return cls(stored["key"], {
            name: cls.from_json(value["wording"]) if isinstance(value, dict) else value
            for name, value in (stored.get("params") or {}).items()})


def stored_text(wording: list[dict[str, Any]] | None, message: str, language: str | None) -> str:
    """A stored scan's message in `language`: from its catalogue words when it kept them, else
    the English stored (scans stored before the words were kept, or words no longer known)."""
    if not wording:
        return message
    try:
        return "".join(Wording.from_json(part).render(language) for part in wording)
    except (KeyError, IndexError, TypeError, ValueError, AttributeError):
        return message


@dataclass(frozen=True)
class IntakeNeeds:
    order_number: bool = False
    diagnosis_report: bool = False


def requirements_for(uow: UnitOfWork, policy_codes: set[str], categories: set[str],
                     policies: dict[str, Policy] | None = None) -> IntakeNeeds:
    """What the policies of these products require before a parcel is accepted (I5, I6).

    `policies` holds the policies read so far in this unit of work, by code; those read here
    are added to it.
    """
    from core.services.policies import policy_for

    policies = {} if policies is None else policies
    needs_order = needs_report = False
    for code in policy_codes:
        if code not in policies:
            policies[code] = policy_for(uow, code)
        terms = policies[code].intake
        needs_order |= terms.requires_order_number
        needs_report |= bool(categories & set(terms.diagnosis_report_for))
    return IntakeNeeds(needs_order, needs_report)
