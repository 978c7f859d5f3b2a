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

from core import audit, workflow
from core.audit import Change
from core.errors import UserError
from core.findings import FAIL, INFO, PASS, spec_named, template_for
from core.messages import LANGUAGES
from core.models import Attachment, Diagnosis, Finding, Part, Quote, RepairAction, Unit, UnitStatus, utcnow
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


def get_unit(uow: UnitOfWork, unit_id: int) -> Unit:
    unit = uow.session.get(Unit, unit_id)
    if unit is None:
        raise UserError(f"There is no unit {unit_id}.")
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
        raise UserError(f"Tests are recorded while the unit is in diagnosis, repair or testing; "
                        f"{unit.serial} is {workflow.words(unit.status)}.")
    if not test_name.strip():
        raise UserError("A finding needs the name of the test.")
    spec = spec_named(unit.product.category, test_name)
    if spec is not None:
        computed = spec.evaluate(value)
        if result is not None and result != computed:
            raise UserError(f"{test_name}: {value} {spec.unit} is a {computed} by the limits "
                            f"({spec.limits_text()}), not a {result}.")
        result = computed
    elif result not in (PASS, FAIL, INFO):
        raise UserError(f"{test_name} is a free test: say whether it passed, failed or is "
                        "information only.")
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


def missing_required_tests(uow: UnitOfWork, unit: Unit) -> list[str]:
    done = set(uow.session.scalars(select(Finding.test_name).where(Finding.unit_id == unit.id)))
    return [t.name for t in template_for(unit.product.category) if t.required and t.name not in done]


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
        raise UserError(f"{unit.serial} is {workflow.words(unit.status)}: start its diagnosis first.")
    if cause not in CAUSES:
        raise UserError(f"Unknown cause {cause!r}; use one of {', '.join(CAUSES)}.")
    missing = missing_required_tests(uow, unit)
    if missing:
        raise UserError(f"Enter the required tests first: {', '.join(missing)}.")
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
        raise UserError(f"Unknown decision {decision!r}; use one of {', '.join(DECISIONS)}.")
    if not reason.strip():
        raise UserError("An override needs a reason the customer can be told.")
    unit = get_unit(uow, unit_id)
    diagnosis = latest_diagnosis(uow, unit.id)
    if diagnosis is None:
        raise UserError(f"{unit.serial} has no diagnosis yet: record one before overriding it.")
    if unit.status != UnitStatus.IN_DIAGNOSIS:
        raise UserError(f"{unit.serial} is {workflow.words(unit.status)}: a decision can only be "
                        "overridden while the unit is in diagnosis.")
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
        raise UserError(f"{unit.serial} is {workflow.words(unit.status)}: repairs are recorded "
                        "while it is in repair or being replaced.")
    if not description.strip():
        raise UserError("Say what was done.")
    if quantity < 1:
        raise UserError("The quantity of parts must be at least 1.")
    part = None
    if part_number:
        part = uow.session.scalars(select(Part).where(Part.number == part_number)).first()
        if part is None:
            raise UserError(f"Part {part_number!r} is not in the parts list.")
    old_serial, new_serial = old_serial.strip(), new_serial.strip()
    if new_serial and new_serial == old_serial:
        raise UserError("The new serial must differ from the replaced one.")
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
