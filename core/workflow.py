"""The unit's workflow (issue 5): which state may follow which, and what must happen first.

Pure: no database. Services call `check` before every change, so no screen or command can skip
a step; a refusal says what has to happen before the requested state can be reached.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from core import messages
from core.errors import IllegalTransition
from core.models import UnitStatus as S

# The same words as the screens' state column (ui/work_orders/states.py).
_STATE_WORDS = {
    "awaiting_parcel": ("待收包裹", "待收包裹"), "partly_received": ("部分收货", "部分收貨"),
    "received": ("已收货", "已收貨"), "in_progress": ("处理中", "處理中"),
    "partly_shipped": ("部分发货", "部分出貨"), "shipped": ("已发货", "已出貨"),
    "closed": ("已结案", "已結案"), "refused": ("已拒收", "已拒收"),
    "cancelled": ("已取消", "已取消"), "in_diagnosis": ("检测中", "檢測中"),
    "quote_sent": ("已发报价", "已送出報價"), "quote_accepted": ("报价已确认", "報價已確認"),
    "in_repair": ("维修中", "維修中"), "return_unrepaired": ("未修退回", "未修退回"),
    "replacement": ("换货", "換貨"), "return_refund": ("退货退款", "退貨退款"),
    "testing": ("测试中", "測試中"), "ready_to_ship": ("待发货", "待出貨"),
}
messages.add({f"state.{code}": {"en": code.replace("_", " "), "zh_CN": cn, "zh_TW": tw}
              for code, (cn, tw) in _STATE_WORDS.items()})
messages.add({
    "transition.guarded": {
        "en": "The unit cannot go from {current} to {target}: {reason}.",
        "zh_CN": "设备不能从“{current}”转为“{target}”：{reason}。",
        "zh_TW": "設備不能從「{current}」轉為「{target}」：{reason}。",
    },
    "transition.final": {
        "en": "The unit is {current}; nothing follows that state.",
        "zh_CN": "设备状态为“{current}”；此状态之后没有后续状态。",
        "zh_TW": "設備狀態為「{current}」；此狀態之後沒有後續狀態。",
    },
    "transition.before": {
        "en": "The unit cannot go from {current} to {target}: it must be {before} first.",
        "zh_CN": "设备不能从“{current}”转为“{target}”：必须先处于“{before}”状态。",
        "zh_TW": "設備不能從「{current}」轉為「{target}」：必須先處於「{before}」狀態。",
    },
    "transition.unreachable": {
        "en": "The unit cannot go from {current} to {target}: it is never reached that way.",
        "zh_CN": "设备不能从“{current}”转为“{target}”：无法以此方式到达该状态。",
        "zh_TW": "設備不能從「{current}」轉為「{target}」：無法以此方式到達該狀態。",
    },
    "guard.diagnosis_first": {
        "en": "record the diagnosis first",
        "zh_CN": "请先记录诊断",
        "zh_TW": "請先記錄診斷",
    },
    "guard.irreparable": {
        "en": "the unit was found irreparable: it goes back unrepaired (D1)",
        "zh_CN": "设备已判定无法维修：将未修退回（规则 D1）",
        "zh_TW": "設備已判定無法維修：將未修退回（規則 D1）",
    },
    "guard.not_covered": {
        "en": "the unit is not covered by warranty: send a quote and record the customer's "
              "acceptance first (D1)",
        "zh_CN": "设备不在保修范围内：请先发送报价并记录客户的同意（规则 D1）",
        "zh_TW": "設備不在保固範圍內：請先送出報價並記錄客戶的同意（規則 D1）",
    },
    "guard.covered_no_quote": {
        "en": "the unit is covered by warranty: repair it without a quote",
        "zh_CN": "设备在保修范围内：无需报价，直接维修",
        "zh_TW": "設備在保固範圍內：無需報價，直接維修",
    },
    "guard.cannot_tell": {
        "en": "the warranty cannot be decided yet: complete the missing dates or have a "
              "supervisor override the decision",
        "zh_CN": "暂时无法判定保修：请补全缺少的日期，或由主管更改判定",
        "zh_TW": "暫時無法判定保固：請補齊缺少的日期，或由主管變更判定",
    },
    "guard.no_repair_offered": {
        "en": "the policy offers no repair out of warranty (W1): recommend a replacement "
              "instead of a quote",
        "zh_CN": "该政策不提供保修期外维修（规则 W1）：请建议换货，而不是报价",
        "zh_TW": "該政策不提供保固期外維修（規則 W1）：請建議換貨，而不是報價",
    },
    "guard.acceptance_first": {
        "en": "record the customer's acceptance of the quote first",
        "zh_CN": "请先记录客户对报价的同意",
        "zh_TW": "請先記錄客戶對報價的同意",
    },
    "guard.declined_first": {
        "en": "record the customer's answer (declined) first",
        "zh_CN": "请先记录客户的答复（拒绝）",
        "zh_TW": "請先記錄客戶的答覆（拒絕）",
    },
    "guard.unrepaired_only": {
        "en": "only an irreparable unit, or one not covered, goes back unrepaired",
        "zh_CN": "只有无法维修或不在保修范围内的设备才能未修退回",
        "zh_TW": "只有無法維修或不在保固範圍內的設備才能未修退回",
    },
    "guard.replacement_serial_first": {
        "en": "record the replacement's serial (old and new) first",
        "zh_CN": "请先记录换货的序列号（新旧两个）",
        "zh_TW": "請先記錄換貨的序號（新舊兩個）",
    },
})

# Every legal move of a unit. Refused and cancelled end a unit before it is worked on.
TRANSITIONS: Mapping[S, frozenset[S]] = {
    S.AWAITING_PARCEL: frozenset({S.RECEIVED, S.REFUSED, S.CANCELLED}),
    S.RECEIVED: frozenset({S.IN_DIAGNOSIS, S.REFUSED, S.CANCELLED}),
    S.IN_DIAGNOSIS: frozenset({S.IN_REPAIR, S.QUOTE_SENT, S.RETURN_UNREPAIRED, S.REPLACEMENT,
                               S.RETURN_REFUND}),
    S.QUOTE_SENT: frozenset({S.QUOTE_ACCEPTED, S.RETURN_UNREPAIRED}),
    S.QUOTE_ACCEPTED: frozenset({S.IN_REPAIR}),
    # A unit found irreparable during the repair goes back as it is (D1).
    S.IN_REPAIR: frozenset({S.TESTING, S.RETURN_UNREPAIRED}),
    # A failed test sends the unit back to the bench.
    S.TESTING: frozenset({S.READY_TO_SHIP, S.IN_REPAIR}),
    S.RETURN_UNREPAIRED: frozenset({S.READY_TO_SHIP}),
    S.REPLACEMENT: frozenset({S.READY_TO_SHIP}),
    # The refunded product stays with the center: nothing goes back to the customer.
    S.RETURN_REFUND: frozenset({S.CLOSED}),
    S.READY_TO_SHIP: frozenset({S.SHIPPED}),
    S.SHIPPED: frozenset({S.CLOSED}),
    S.CLOSED: frozenset(),
    S.REFUSED: frozenset(),
    S.CANCELLED: frozenset(),
}


@dataclass(frozen=True)
class Facts:
    """What the guards look at, gathered by the service from the unit's rows.

    Attributes:
        decision: The effective warranty decision ("covered", "not_covered", "cannot_tell"),
            None before a diagnosis.
        repair_offered: False when the policy offers no repair out of warranty (W1).
        irreparable: The diagnosis found the unit cannot be repaired.
        quote_answer: The customer's answer to the latest sent quote ("accepted", "declined").
        replacement_recorded: A replacement serial was recorded (new unit for the old one).
    """

    decision: str | None = None
    repair_offered: bool = True
    irreparable: bool = False
    quote_answer: str | None = None
    replacement_recorded: bool = False


def words(state: S) -> str:
    """A state as the technician says it."""
    return state.value.replace("_", " ")


def _before(target: S) -> list[S]:
    return sorted((s for s, nexts in TRANSITIONS.items() if target in nexts), key=list(S).index)


def _guard(current: S, target: S, f: Facts) -> str | None:
    """Why the move is refused although the edge exists (a catalogue key), or None."""
    if current == S.IN_DIAGNOSIS and target != S.RETURN_REFUND and f.decision is None:
        return "guard.diagnosis_first"
    if current == S.IN_DIAGNOSIS and target == S.IN_REPAIR:
        if f.irreparable:
            return "guard.irreparable"
        if f.decision != "covered":
            return "guard.not_covered"
    if target == S.QUOTE_SENT:
        if f.decision == "covered":
            return "guard.covered_no_quote"
        if f.decision == "cannot_tell":
            return "guard.cannot_tell"
        if not f.repair_offered:
            return "guard.no_repair_offered"
        if f.irreparable:
            return "guard.irreparable"
    if current == S.QUOTE_SENT and target == S.QUOTE_ACCEPTED and f.quote_answer != "accepted":
        return "guard.acceptance_first"
    if current == S.QUOTE_SENT and target == S.RETURN_UNREPAIRED and f.quote_answer != "declined":
        return "guard.declined_first"
    if current == S.IN_DIAGNOSIS and target == S.RETURN_UNREPAIRED and not (
            f.irreparable or f.decision == "not_covered"):
        return "guard.unrepaired_only"
    if current == S.REPLACEMENT and target == S.READY_TO_SHIP and not f.replacement_recorded:
        return "guard.replacement_serial_first"
    return None


def check(current: S, target: S, facts: Facts = Facts()) -> None:  # noqa: B008 (frozen default)
    """Allow the move from `current` to `target` or raise `IllegalTransition` saying what first."""
    now, then = state_phrase(current), state_phrase(target)
    if target in TRANSITIONS[current]:
        reason = _guard(current, target, facts)
        if reason is None:
            return
        raise IllegalTransition.of("transition.guarded", current=now, target=then,
                                   reason=messages.Phrase(reason))
    if not TRANSITIONS[current]:
        raise IllegalTransition.of("transition.final", current=now)
    before = _before(target)
    if not before:
        raise IllegalTransition.of("transition.unreachable", current=now, target=then)
    raise IllegalTransition.of("transition.before", current=now, target=then,
                               before=messages.choices(state_phrase(s) for s in before))


def state_phrase(state: S) -> messages.Phrase:
    """A state's name, shown in the language of the message it is put in."""
    return messages.Phrase(f"state.{state.value}")


def allowed(current: S, facts: Facts = Facts()) -> list[S]:  # noqa: B008
    """The states the unit may move to now, for menus and buttons."""
    return [t for t in sorted(TRANSITIONS[current], key=list(S).index)
            if _guard(current, t, facts) is None]
