"""Builders from `core.models` rows to the plain data the renderers take.

The models keep findings, diagnoses, repair actions and quotes in their own tables without
relationships on `Unit`, so the builders take them as mappings keyed by unit id; whatever is missing
(no findings, no diagnosis, None dates) is simply left out of the document. Nothing here queries the
database: the caller loads the rows inside its unit of work and passes them in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Protocol

from core.findings import spec_named
from core.intake_rules import stored_text
from core.models import (
    Customer,
    Diagnosis,
    Finding,
    ParcelIntake,
    Quote,
    RepairAction,
    Scan,
    Shipment,
    Unit,
    WorkOrder,
)
from core.services.repair import explanation_in
from reports.data import (
    Address,
    CenterInfo,
    ChargeLine,
    FindingRow,
    IntakeSlipData,
    LabelData,
    QuoteData,
    QuoteLineData,
    RefusalSlipData,
    RefusedScan,
    RepairLine,
    ReportData,
    ReportUnit,
    UnitLine,
    quote_line,
)
from reports.wording import document_language, say

# Warranty decisions (Diagnosis.decision) in the customer's words (rule W5): "doc.decision.<code>".
DECISIONS = ("covered", "not_covered", "cannot_tell")

FINDING_RESULTS = ("pass", "fail", "info")  # Finding.result, worded as "doc.result.<code>"

# Reason codes that intake may record -> their wording for the refusal slip (rules I1, I7, S3).
REASON_KEY = {
    "no_work_order": "doc.reason.no_work_order",
    "unknown_work_order": "doc.reason.no_work_order",
    "no_return_address": "doc.reason.no_return_address",
    "no_units": "doc.reason.no_units",
    "serial_not_on_work_order": "doc.reason.serial_not_on_work_order",
    # The intake bench's own codes (core.intake_rules.Reason) for the same two refusals.
    "not_on_work_order": "doc.reason.serial_not_on_work_order",
    "wrong_model": "doc.reason.model_mismatch",
    "serial_mismatch": "doc.reason.serial_mismatch",
    "model_mismatch": "doc.reason.model_mismatch",
    "already_received": "doc.reason.already_received",
    "work_order_closed": "doc.reason.work_order_closed",
    "work_order_cancelled": "doc.reason.work_order_cancelled",
    "work_order_incomplete": "doc.reason.work_order_incomplete",
    "missing_order_number": "doc.reason.missing_order_number",
    "missing_diagnosis_report": "doc.reason.missing_diagnosis_report",
    "unreadable": "doc.reason.unreadable",
    # A scanner on the wrong keyboard layout: for the customer, the label was not read.
    "keyboard_layout": "doc.reason.unreadable",
    "ambiguous_serial": "doc.reason.ambiguous_serial",
    "parcel_open": "doc.reason.parcel_open",
}


class SettingsLike(Protocol):
    def get(self, key: str) -> str | None: ...


def document_language_for(customer: Customer | None,
                          settings: SettingsLike | Mapping[str, str]) -> str:
    """The language of this customer's documents: their own, else the center's document language.

    Never the station's screen language (see `reports.wording.document_language`).
    """
    return document_language(customer.language if customer is not None else None,
                             settings.get("center.document_language"))


def center_info_from(settings: SettingsLike | Mapping[str, str]) -> CenterInfo:
    """The center's name, address and phone from the `center.*` settings (core.center)."""
    return CenterInfo(name=settings.get("center.name") or "",
                      address=settings.get("center.address") or "",
                      phone=settings.get("center.phone") or "")


def customer_address(customer: Customer | None) -> Address:
    """The customer as a person (name, company, phone), without postal lines."""
    if customer is None:
        return Address()
    return Address(name=customer.name or "", company=customer.company or "",
                   phone=customer.phone or "")


def return_address(work_order: WorkOrder) -> Address:
    """Where the units go back: the work order's address with the customer to hand it to."""
    person = customer_address(work_order.customer)
    return Address(name=person.name, company=person.company, phone=person.phone,
                   lines=tuple(ln.strip() for ln in (work_order.address or "").splitlines()
                               if ln.strip()),
                   city=work_order.city or "", province=work_order.province or "",
                   postal_code=work_order.postal_code or "", country=work_order.country or "")


def label_data_for(work_order: WorkOrder, shipment: Shipment, center: CenterInfo,
                   serials: Sequence[str] | None = None, language: str = "en") -> LabelData:
    """The return label for one shipment (one parcel of a batch).

    Args:
        work_order: Gives the return address and number.
        shipment: Carrier, tracking number, batch n of m, COD and freight payer.
        center: The sender.
        serials: The units in this parcel; by default the shipment's units.
        language: The customer's document language (`document_language_for`).
    """
    if serials is None:
        serials = [u.serial for u in (shipment.units or [])]
    cod = shipment.cod_amount if shipment.cod_amount else None
    return LabelData(
        sender=center, recipient=return_address(work_order), carrier=shipment.carrier or "",
        service=shipment.service or "", tracking_number=shipment.tracking_number or "",
        work_order_number=work_order.number, parcel_no=shipment.batch_no or 1,
        parcel_count=shipment.batch_count or 1, cod_amount=cod,
        currency=shipment.currency or "CNY", freight_payer=shipment.freight_payer or "center",
        serials=tuple(serials), language=language)


def _number(value: Decimal | None) -> str:
    if value is None:
        return ""
    return format(value.normalize(), "f")


def limits_text(lower: Decimal | None, upper: Decimal | None) -> str:
    """'10 – 20', '≥ 10', '≤ 20' or '' for a finding's limits."""
    if lower is not None and upper is not None:
        return f"{_number(lower)} – {_number(upper)}"
    if lower is not None:
        return f"≥ {_number(lower)}"
    if upper is not None:
        return f"≤ {_number(upper)}"
    return ""


def finding_row(finding: Finding, language: str = "en", category: str = "") -> FindingRow:
    """A finding as the report prints it, its result (pass / fail / info) in `language`.

    A test of the `category`'s template prints its name and choice in `language`; a test the
    template no longer knows (or a free test) prints as stored.
    """
    result = (say(f"doc.result.{finding.result}", language)
              if finding.result in FINDING_RESULTS else finding.result)
    test, value = finding.test_name, finding.value or ""
    spec = spec_named(category, test) if category else None
    if spec is not None:
        test, value = spec.name_in(language), spec.choice_in(value, language)
    return FindingRow(test=test, result=result, value=value,
                      unit=finding.measure_unit or "",
                      limits=limits_text(finding.lower_limit, finding.upper_limit),
                      notes=finding.notes or "")


def repair_line(action: RepairAction) -> RepairLine:
    part = f"{action.part.number} {action.part.name}" if action.part is not None else ""
    return RepairLine(description=action.description, part=part, quantity=action.quantity or 1,
                      old_serial=action.old_serial or "", new_serial=action.new_serial or "")


def _decision(diagnosis: Diagnosis | None, language: str) -> tuple[str, str, str]:
    """(cause, decision text, explanation), including a supervisor's override and its reason."""
    if diagnosis is None:
        return "", "", ""
    decision = diagnosis.effective_decision
    text = say(f"doc.decision.{decision}", language) if decision in DECISIONS else decision
    explanation = explanation_in(diagnosis.explanation or "", language)
    if diagnosis.override_decision:
        explanation = (explanation + "\n" if explanation else "") + \
            say("doc.decision.override", language, reason=diagnosis.override_reason or "-")
    return diagnosis.cause or "", text, explanation


def _category(unit: Unit) -> str:
    return (unit.product.category or "") if unit.product is not None else ""


def report_data_for(work_order: WorkOrder, center: CenterInfo, *,
                    findings: Mapping[int, Sequence[Finding]] | None = None,
                    diagnoses: Mapping[int, Diagnosis] | None = None,
                    repairs: Mapping[int, Sequence[RepairAction]] | None = None,
                    quotes: Mapping[int, Quote] | None = None,
                    intakes: Mapping[int, ParcelIntake] | None = None,
                    technician: str = "", date: dt.date | None = None,
                    language: str = "en") -> ReportData:
    """The repair report of a work order.

    Args:
        work_order: With its customer and units loaded.
        center: The center printed in the header.
        findings: Unit id to its findings.
        diagnoses: Unit id to its latest diagnosis.
        repairs: Unit id to its repair actions.
        quotes: Unit id to the accepted quote whose lines are charged.
        intakes: Intake id to the parcel intake (for the condition on arrival).
        technician: Who signs the report.
        date: The report's date.
        language: The customer's document language (`document_language_for`).
    """
    findings, diagnoses = findings or {}, diagnoses or {}
    repairs, quotes, intakes = repairs or {}, quotes or {}, intakes or {}
    units: list[ReportUnit] = []
    charges: list[ChargeLine] = []
    currency = "CNY"
    for unit in work_order.units or []:
        intake = intakes.get(unit.intake_id) if unit.intake_id is not None else None
        cause, decision, explanation = _decision(diagnoses.get(unit.id), language)
        units.append(ReportUnit(
            serial=unit.serial, model=unit.product.model if unit.product is not None else "",
            intake_condition=intake.condition if intake is not None else "",
            findings=tuple(finding_row(f, language, _category(unit))
                           for f in findings.get(unit.id, ())),
            cause=cause, warranty_decision=decision, warranty_explanation=explanation,
            repairs=tuple(repair_line(a) for a in repairs.get(unit.id, ()))))
        quote = quotes.get(unit.id)
        if quote is not None:
            currency = quote.currency or currency
            for line in _quote_lines(quote):
                charges.append(ChargeLine(description=line.description, quantity=line.quantity,
                                          unit_price=line.unit_price,
                                          total=line.line_total + line.tax, serial=unit.serial))
    return ReportData(center=center, work_order_number=work_order.number,
                      customer=customer_address(work_order.customer),
                      return_address=return_address(work_order), units=tuple(units),
                      charges=tuple(charges), currency=currency, technician=technician, date=date,
                      language=language)


def _quote_lines(quote: Quote) -> list[QuoteLineData]:
    return [quote_line(ln.kind, ln.description, Decimal(ln.quantity), Decimal(ln.unit_price),
                       Decimal(ln.discount_percent or 0), Decimal(ln.tax_percent or 0))
            for ln in quote.lines or []]


def quote_data_for(quote: Quote, unit: Unit, center: CenterInfo,
                   language: str = "en") -> QuoteData:
    """The quote document for one unit's quote (its work order gives customer and number)."""
    work_order = unit.work_order
    return QuoteData(center=center, work_order_number=work_order.number,
                     customer=customer_address(work_order.customer),
                     lines=tuple(_quote_lines(quote)), currency=quote.currency or "CNY",
                     valid_until=quote.valid_until, version=quote.version or 1,
                     serial=unit.serial,
                     model=unit.product.model if unit.product is not None else "",
                     language=language)


def _local(moment: dt.datetime | None, tz: dt.tzinfo | None) -> dt.datetime | None:
    if moment is None or tz is None:
        return moment
    return moment.astimezone(tz)


def _unit_line(unit: Unit) -> UnitLine:
    return UnitLine(unit.serial, unit.product.model if unit.product is not None else "")


def intake_slip_data_for(intake: ParcelIntake, work_order: WorkOrder, center: CenterInfo,
                         tz: dt.tzinfo | None = None, language: str = "en") -> IntakeSlipData:
    """The intake slip: units this parcel brought, and the work order's units still missing.

    Args:
        tz: The center's time zone for the printed time (stored times are UTC).
        language: The customer's document language (`document_language_for`).
    """
    units = list(work_order.units or [])
    received = [u for u in units if u.intake_id == intake.id]
    missing = [u for u in units if u.intake_id is None and u.received_at is None]
    return IntakeSlipData(
        center=center, work_order_number=work_order.number,
        customer=customer_address(work_order.customer),
        received_at=_local(intake.opened_at, tz), station=intake.station or "",
        condition=intake.condition or "", units_received=tuple(map(_unit_line, received)),
        units_missing=tuple(map(_unit_line, missing)), inbound_tracking=intake.tracking_number or "",
        language=language)


def reason_text(code: str, language: str = "en") -> str:
    """A recorded reason in plain words; unknown codes are made readable, free text kept."""
    if code in REASON_KEY:
        return say(REASON_KEY[code], language)
    return code.replace("_", " ") if code.isidentifier() else code


def _verdict_text(verdict: str | None, language: str) -> str:
    """A scan's verdict as the bench names it, in `language`; an unknown one as stored."""
    if not verdict:
        return ""
    try:
        return say(f"verdict.{verdict}", language)
    except KeyError:
        return verdict


def refusal_slip_data_for(intake: ParcelIntake, scans: Iterable[Scan], center: CenterInfo,
                          sender: Address | None = None,
                          tz: dt.tzinfo | None = None, language: str = "en") -> RefusalSlipData:
    """The refusal slip (rule S3): the intake's reasons and every scan with its own reason."""
    refused = []
    for scan in scans:
        if scan.wording and scan.message:
            reason = stored_text(scan.wording, scan.message, language)
        else:
            reason = scan.message or "; ".join(reason_text(r, language)
                                               for r in scan.reasons or [])
        refused.append(RefusedScan(raw=scan.raw, verdict=_verdict_text(scan.verdict, language),
                                   reason=reason))
    if sender is None and intake.work_order is not None:
        sender = return_address(intake.work_order)
    reasons = tuple(dict.fromkeys(reason_text(r, language) for r in intake.reasons or []))
    return RefusalSlipData(center=center, sender=sender, received_at=_local(intake.opened_at, tz),
                           station=intake.station or "", carrier=intake.carrier or "",
                           inbound_tracking=intake.tracking_number or "",
                           condition=intake.condition or "", reasons=reasons,
                           scans=tuple(refused), language=language)
