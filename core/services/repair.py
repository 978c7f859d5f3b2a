"""The repair bench: diagnosis, findings, the warranty decision and its override, repair actions.

Every change goes through `move` (the workflow in `core.workflow`), is permission-checked and
audited in the same unit of work, and is committed by the service (one user action, one commit).
Quotes are in `core.services.repair_quotes`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import select

from core import audit, messages, workflow
from core.audit import Change
from core.errors import UserError
from core.findings import (
    FAIL,
    INFO,
    PASS,
    TestSpec,
    result_phrase,
    spec_named,
    template_for,
)
from core.messages import LANGUAGES
from core.models import (
    Attachment,
    Diagnosis,
    Finding,
    Part,
    Quote,
    RepairAction,
    Unit,
    UnitStatus,
    utcnow,
)
from core.permissions import Role, require
from core.services.due_dates import refresh_due
from core.services.lifecycle import record_unit_change, refresh_work_order_status
from core.services.policies import policy_for
from core.services.warranty_decisions import decide, latest_diagnosis
from core.unit_of_work import UnitOfWork

CAUSES = ("product_defect", "user_damage", "logistics_damage", "no_fault_found", "counterfeit")
DECISIONS = ("covered", "not_covered", "cannot_tell")
# A cause that is itself an exclusion of the warranty (I4, W2); user damage is misuse (W1, W2, W4).
_CAUSE_EXCLUSION = {"logistics_damage": "logistics_damage", "counterfeit": "counterfeit",
                    "user_damage": "misuse"}
# States in which tests may be recorded on the unit.
_TESTABLE = (UnitStatus.IN_DIAGNOSIS, UnitStatus.IN_REPAIR, UnitStatus.TESTING)

messages.add({
    "repair.no_unit": {
        "en": "There is no unit {unit}.",
        "zh_CN": "没有设备 {unit}。",
        "zh_TW": "沒有設備 {unit}。",
    },
    "repair.not_testable": {
        "en": "Tests are recorded while the unit is in diagnosis, repair or testing; {serial} is "
              "{state}.",
        "zh_CN": "只有设备处于检测、维修或测试阶段时才能记录测试；{serial} 当前为“{state}”。",
        "zh_TW": "只有設備處於檢測、維修或測試階段時才能記錄測試；{serial} 目前為「{state}」。",
    },
    "repair.no_test_name": {
        "en": "A finding needs the name of the test.",
        "zh_CN": "检测结果需要填写测试名称。",
        "zh_TW": "檢測結果需要填寫測試名稱。",
    },
    "repair.result_by_limits": {
        "en": "{test}: {value} {measure} is a {computed} by the limits ({limits}), not a "
              "{result}.",
        "zh_CN": "{test}：{value} {measure} 按限值（{limits}）应判为{computed}，而不是{result}。",
        "zh_TW": "{test}：{value} {measure} 依限值（{limits}）應判為{computed}，而不是{result}。",
    },
    "repair.free_test_result": {
        "en": "{test} is a free test: say whether it passed, failed or is information only.",
        "zh_CN": "{test} 是自由测试：请选择合格、不合格或仅供参考。",
        "zh_TW": "{test} 是自由測試：請選擇合格、不合格或僅供參考。",
    },
    "repair.diagnosis_not_started": {
        "en": "{serial} is {state}: start its diagnosis first.",
        "zh_CN": "{serial} 当前为“{state}”：请先开始检测。",
        "zh_TW": "{serial} 目前為「{state}」：請先開始檢測。",
    },
    "repair.unknown_cause": {
        "en": "Unknown cause {cause!r}; use one of {causes}.",
        "zh_CN": "未知的故障原因 {cause!r}；请使用以下之一：{causes}。",
        "zh_TW": "未知的故障原因 {cause!r}；請使用以下之一：{causes}。",
    },
    "repair.required_tests_first": {
        "en": "Enter the required tests first: {tests}.",
        "zh_CN": "请先录入必做的测试：{tests}。",
        "zh_TW": "請先輸入必做的測試：{tests}。",
    },
    "repair.unknown_decision": {
        "en": "Unknown decision {decision!r}; use one of {decisions}.",
        "zh_CN": "未知的判定 {decision!r}；请使用以下之一：{decisions}。",
        "zh_TW": "未知的判定 {decision!r}；請使用以下之一：{decisions}。",
    },
    "repair.override_reason": {
        "en": "An override needs a reason the customer can be told.",
        "zh_CN": "更改判定需要填写可告知客户的理由。",
        "zh_TW": "變更判定需要填寫可告知客戶的理由。",
    },
    "repair.override_no_diagnosis": {
        "en": "{serial} has no diagnosis yet: record one before overriding it.",
        "zh_CN": "{serial} 尚无诊断：请先记录诊断，再更改判定。",
        "zh_TW": "{serial} 尚無診斷：請先記錄診斷，再變更判定。",
    },
    "repair.override_not_in_diagnosis": {
        "en": "{serial} is {state}: a decision can only be overridden while the unit is in "
              "diagnosis.",
        "zh_CN": "{serial} 当前为“{state}”：只有设备在检测中时才能更改判定。",
        "zh_TW": "{serial} 目前為「{state}」：只有設備在檢測中時才能變更判定。",
    },
    "repair.not_repairable_now": {
        "en": "{serial} is {state}: repairs are recorded while it is in repair or being "
              "replaced.",
        "zh_CN": "{serial} 当前为“{state}”：只有在维修中或换货时才能记录维修。",
        "zh_TW": "{serial} 目前為「{state}」：只有在維修中或換貨時才能記錄維修。",
    },
    "repair.no_description": {
        "en": "Say what was done.",
        "zh_CN": "请说明做了哪些维修。",
        "zh_TW": "請說明做了哪些維修。",
    },
    "repair.no_quantity": {
        "en": "The quantity of parts must be at least 1.",
        "zh_CN": "配件数量至少为 1。",
        "zh_TW": "零件數量至少為 1。",
    },
    "repair.no_part": {
        "en": "Part {part!r} is not in the parts list.",
        "zh_CN": "配件 {part!r} 不在配件清单中。",
        "zh_TW": "零件 {part!r} 不在零件清單中。",
    },
    "repair.same_serial": {
        "en": "The new serial must differ from the replaced one.",
        "zh_CN": "新序列号必须与被更换的序列号不同。",
        "zh_TW": "新序號必須與被更換的序號不同。",
    },
})


def get_unit(uow: UnitOfWork, unit_id: int) -> Unit:
    unit = uow.session.get(Unit, unit_id)
    if unit is None:
        raise UserError.of("repair.no_unit", unit=unit_id)
    return unit


def workflow_facts(uow: UnitOfWork, unit: Unit) -> workflow.Facts:
    """What the workflow's guards need, read from the unit's rows."""
    diagnosis = latest_diagnosis(uow, unit.id)
    decision = diagnosis.effective_decision if diagnosis else None
    offered = True
    if decision == "not_covered":
        offered = policy_for(uow, unit.product.policy_code).warranty.out_of_warranty_repair
    quote = uow.session.scalars(select(Quote).where(Quote.unit_id == unit.id,
                                                    Quote.sent_at.is_not(None))
                                .order_by(Quote.version.desc()).limit(1)).first()
    answer = quote.status if quote is not None and quote.status in ("accepted", "declined") else None
    replaced = uow.session.scalar(select(RepairAction.id).where(
        RepairAction.unit_id == unit.id, RepairAction.new_serial != "").limit(1)) is not None
    return workflow.Facts(decision=decision, repair_offered=offered,
                          irreparable=bool(diagnosis and diagnosis.irreparable),
                          quote_answer=answer, replacement_recorded=replaced)


def move(uow: UnitOfWork, unit: Unit, target: UnitStatus, reason: str) -> None:
    """Move the unit if the workflow allows it; record who, when, from, to and why; audit."""
    old = unit.status
    workflow.check(old, target, workflow_facts(uow, unit))
    unit.status = target
    record_unit_change(uow, unit, old, target, reason)
    refresh_work_order_status(uow, unit.work_order)
    audit.record(uow, Change("unit.status", "unit", str(unit.id), unit.work_order_id,
                             {"status": old.value}, {"status": target.value, "reason": reason}))


def transition(uow: UnitOfWork, unit_id: int, target: UnitStatus, reason: str = "") -> Unit:
    """Any workflow move a technician asks for (send back unrepaired, replacement, ...)."""
    require(uow.actor, Role.REPAIR, action="change a unit's state")
    unit = get_unit(uow, unit_id)
    move(uow, unit, target, reason or f"moved to {workflow.words(target)}")
    uow.commit()
    return unit


def start_diagnosis(uow: UnitOfWork, unit_id: int) -> Unit:
    """Take a received unit to the bench; it becomes the technician's unit."""
    require(uow.actor, Role.REPAIR, action="diagnose units")
    unit = get_unit(uow, unit_id)
    move(uow, unit, UnitStatus.IN_DIAGNOSIS, "diagnosis started")
    unit.assigned_to = uow.actor.user_id
    uow.commit()
    return unit


def record_finding(uow: UnitOfWork, unit_id: int, test_name: str, value: str = "", *,
                   result: str | None = None, notes: str = "",
                   started_at: dt.datetime | None = None,
                   attachments: list[tuple[str, bytes]] | None = None) -> Finding:
    """One test result. A template test's result comes from its limits or choices; a free test's
    result is the technician's ("pass", "fail" or "info")."""
    require(uow.actor, Role.REPAIR, action="record test findings")
    unit = get_unit(uow, unit_id)
    if unit.status not in _TESTABLE:
        raise UserError.of("repair.not_testable", serial=unit.serial,
                           state=workflow.state_phrase(unit.status))
    if not test_name.strip():
        raise UserError.of("repair.no_test_name")
    spec = spec_named(unit.product.category, test_name)
    if spec is not None:
        computed = spec.evaluate(value)
        if result is not None and result != computed:
            raise UserError.of("repair.result_by_limits", test=test_name, value=value,
                               measure=spec.unit, computed=result_phrase(computed),
                               limits=spec.limits_text(), result=result_phrase(result))
        result = computed
    elif result not in (PASS, FAIL, INFO):
        raise UserError.of("repair.free_test_result", test=test_name)
    finding = Finding(unit_id=unit.id, test_name=test_name, result=result, value=value.strip(),
                      measure_unit=spec.unit if spec else "",
                      lower_limit=spec.lower if spec else None,
                      upper_limit=spec.upper if spec else None, notes=notes,
                      station=uow.actor.station, user_id=uow.actor.user_id,
                      started_at=started_at, ended_at=utcnow())
    uow.session.add(finding)
    uow.session.flush()
    for name, content in attachments or []:
        uow.session.add(Attachment(finding_id=finding.id, filename=name, content=content))
    audit.record(uow, Change("finding.record", "finding", str(finding.id), unit.work_order_id,
                             None, {"unit": unit.serial, "test": test_name, "value": value,
                                    "result": result}))
    uow.commit()
    return finding


def missing_required_tests(uow: UnitOfWork, unit: Unit) -> list[TestSpec]:
    done = set(uow.session.scalars(select(Finding.test_name).where(Finding.unit_id == unit.id)))
    return [t for t in template_for(unit.product.category) if t.required and t.name not in done]


_HAN_CHARACTER = re.compile(r"[\u3400-\u9fff]")


def explanation_in(recorded: str, language: str) -> str:
    """The recorded warranty explanation in the document's language.

    A diagnosis keeps its explanation as one paragraph per language: English, Simplified and
    Traditional Chinese (record_diagnosis below); diagnoses recorded before Traditional Chinese was
    kept have the first two only, and Taiwan then reads the Simplified one. Any other text (typed
    by hand, recorded otherwise) is printed as it is.
    """
    paragraphs = recorded.split("\n")
    if (len(paragraphs) not in (2, 3) or _HAN_CHARACTER.search(paragraphs[0])
            or not all(_HAN_CHARACTER.search(p) for p in paragraphs[1:])):
        return recorded
    if language == "en":
        return paragraphs[0]
    return paragraphs[2] if language == "zh_TW" and len(paragraphs) == 3 else paragraphs[1]


@dataclass(frozen=True)
class DiagnosisOutcome:
    """The stored diagnosis and the next step it leads to.

    `next_step`: "repair" (covered), "quote" (not covered, repair offered), "recommend_replacement"
    (not covered, policy offers no repair: W1), "return_unrepaired" (irreparable),
    "complete_facts" (cannot tell yet).
    """

    diagnosis_id: int
    decision: str
    next_step: str
    explanation: dict[str, str]


def _next_step(decision: str, repair_offered: bool, irreparable: bool) -> str:
    if irreparable:
        return "return_unrepaired"
    if decision == "covered":
        return "repair"
    if decision == "cannot_tell":
        return "complete_facts"
    return "quote" if repair_offered else "recommend_replacement"


def record_diagnosis(uow: UnitOfWork, unit_id: int, cause: str, exclusions: list[str] | None = None,
                     *, irreparable: bool = False) -> DiagnosisOutcome:
    """Cause, exclusions and the warranty decision with its explanation (W5, D1)."""
    require(uow.actor, Role.REPAIR, action="record diagnoses")
    unit = get_unit(uow, unit_id)
    if unit.status != UnitStatus.IN_DIAGNOSIS:
        raise UserError.of("repair.diagnosis_not_started", serial=unit.serial,
                           state=workflow.state_phrase(unit.status))
    if cause not in CAUSES:
        raise UserError.of("repair.unknown_cause", cause=cause, causes=", ".join(CAUSES))
    missing = missing_required_tests(uow, unit)
    if missing:
        raise UserError.of("repair.required_tests_first", tests=messages.Listed(tuple(missing)))
    codes = sorted({c.strip() for c in exclusions or [] if c.strip()})
    if cause in _CAUSE_EXCLUSION and not codes:
        codes = [_CAUSE_EXCLUSION[cause]]
    diagnosis = Diagnosis(unit_id=unit.id, cause=cause, exclusions=codes, decision="cannot_tell",
                          irreparable=irreparable, user_id=uow.actor.user_id, created_at=utcnow())
    uow.session.add(diagnosis)
    uow.session.flush()  # the decision reads the exclusions of this latest diagnosis
    decision = decide(uow, unit.id)
    diagnosis.decision, diagnosis.rule = decision.status, decision.rule
    diagnosis.start_date, diagnosis.end_date = decision.start, decision.end
    # One paragraph per language, in core.messages.LANGUAGES order: documents print the customer's.
    diagnosis.explanation = "\n".join(decision.explanation[lang] for lang in LANGUAGES)
    step = _next_step(decision.status, decision.repair_offered, irreparable)
    audit.record(uow, Change("diagnosis.record", "diagnosis", str(diagnosis.id),
                             unit.work_order_id, None,
                             {"unit": unit.serial, "cause": cause, "exclusions": codes,
                              "irreparable": irreparable, "next_step": step,
                              "decision": decision.to_dict()}))
    refresh_due(uow, unit.work_order)  # the decision decides the S1 return-by date
    uow.commit()
    return DiagnosisOutcome(diagnosis.id, decision.status, step, decision.explanation)


def override_decision(uow: UnitOfWork, unit_id: int, decision: str, reason: str) -> Diagnosis:
    """A supervisor replaces the computed warranty decision, with a reason (W5); audited."""
    require(uow.actor, Role.SUPERVISOR, action="override a warranty decision")
    if decision not in DECISIONS:
        raise UserError.of("repair.unknown_decision", decision=decision,
                           decisions=", ".join(DECISIONS))
    if not reason.strip():
        raise UserError.of("repair.override_reason")
    unit = get_unit(uow, unit_id)
    diagnosis = latest_diagnosis(uow, unit.id)
    if diagnosis is None:
        raise UserError.of("repair.override_no_diagnosis", serial=unit.serial)
    if unit.status != UnitStatus.IN_DIAGNOSIS:
        raise UserError.of("repair.override_not_in_diagnosis", serial=unit.serial,
                           state=workflow.state_phrase(unit.status))
    before = {"decision": diagnosis.decision, "override": diagnosis.override_decision,
              "reason": diagnosis.override_reason}
    diagnosis.override_decision = decision
    diagnosis.override_reason = reason.strip()
    diagnosis.override_by = uow.actor.user_id
    audit.record(uow, Change("diagnosis.override", "diagnosis", str(diagnosis.id),
                             unit.work_order_id, before,
                             {"decision": diagnosis.decision, "override": decision,
                              "reason": reason.strip()}))
    uow.session.flush()  # the due dates read the override from the diagnosis row
    refresh_due(uow, unit.work_order)  # W5: the decision moves S1 (receipt or payment)
    uow.commit()
    return diagnosis


def start_repair(uow: UnitOfWork, unit_id: int) -> Unit:
    """Covered units go straight to repair; others only after the quote was accepted (D1)."""
    require(uow.actor, Role.REPAIR, action="repair units")
    unit = get_unit(uow, unit_id)
    move(uow, unit, UnitStatus.IN_REPAIR, "repair started")
    uow.commit()
    return unit


def record_repair_action(uow: UnitOfWork, unit_id: int, description: str, *,
                         part_number: str | None = None, quantity: int = 1,
                         old_serial: str = "", new_serial: str = "") -> RepairAction:
    """What was done, the part used (from the parts list) and replaced serials (old and new)."""
    require(uow.actor, Role.REPAIR, action="record repairs")
    unit = get_unit(uow, unit_id)
    if unit.status not in (UnitStatus.IN_REPAIR, UnitStatus.REPLACEMENT):
        raise UserError.of("repair.not_repairable_now", serial=unit.serial,
                           state=workflow.state_phrase(unit.status))
    if not description.strip():
        raise UserError.of("repair.no_description")
    if quantity < 1:
        raise UserError.of("repair.no_quantity")
    part = None
    if part_number:
        part = uow.session.scalars(select(Part).where(Part.number == part_number)).first()
        if part is None:
            raise UserError.of("repair.no_part", part=part_number)
    old_serial, new_serial = old_serial.strip(), new_serial.strip()
    if new_serial and new_serial == old_serial:
        raise UserError.of("repair.same_serial")
    if unit.status == UnitStatus.REPLACEMENT and new_serial and not old_serial:
        old_serial = unit.serial  # the whole unit is replaced
    action = RepairAction(unit_id=unit.id, description=description.strip(),
                          part_id=part.id if part else None, quantity=quantity,
                          old_serial=old_serial, new_serial=new_serial,
                          user_id=uow.actor.user_id, done_at=utcnow())
    uow.session.add(action)
    uow.session.flush()
    audit.record(uow, Change("repair.action", "repair_action", str(action.id), unit.work_order_id,
                             None, {"unit": unit.serial, "description": action.description,
                                    "part": part_number, "quantity": quantity,
                                    "old_serial": old_serial, "new_serial": new_serial}))
    uow.commit()
    return action


def replacement_history(uow: UnitOfWork, serial: str) -> list[RepairAction]:
    """Every replacement in which `serial` was put in or taken out, oldest first."""
    return list(uow.session.scalars(select(RepairAction).where(
        (RepairAction.old_serial == serial) | (RepairAction.new_serial == serial))
        .order_by(RepairAction.id)))


def finish_repair(uow: UnitOfWork, unit_id: int) -> Unit:
    require(uow.actor, Role.REPAIR, action="repair units")
    unit = get_unit(uow, unit_id)
    move(uow, unit, UnitStatus.TESTING, "repair finished, testing")
    uow.commit()
    return unit


def finish_testing(uow: UnitOfWork, unit_id: int, passed: bool = True) -> Unit:
    """After the final tests: ready to ship, or back to repair when they failed."""
    require(uow.actor, Role.REPAIR, action="test repaired units")
    unit = get_unit(uow, unit_id)
    if passed:
        move(uow, unit, UnitStatus.READY_TO_SHIP, "final test passed")
    else:
        move(uow, unit, UnitStatus.IN_REPAIR, "final test failed")
    uow.commit()
    return unit
