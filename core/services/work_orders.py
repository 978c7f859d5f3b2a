"""Work-order and product-catalogue import, and the service record (rule I2).

An import is one unit of work: either the whole file goes in, or nothing does.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import insert, select

from core import audit, center
from core.audit import Change
from core.errors import UserError
from core.import_files import (
    FileRefused,
    Problem,
    ProductRecord,
    UnitRecord,
    WorkOrderRecord,
    parse_products,
    parse_work_orders,
    read_file,
    read_rows,
)
from core.models import Customer, fold, Policy, Product, Unit, UnitStatus, WorkOrder, WorkOrderStatus
from core.permissions import Role, require
from core.unit_of_work import UnitOfWork

T = TypeVar("T")
CHUNK = 500
# What a re-import may change on a work order; the return address is not among them (rule I3).
UPDATABLE = ("order_number", "service_type", "priority", "fault_description", "diagnosis_report")
CUSTOMER_UPDATABLE = ("company", "phone", "email")
UNIT_UPDATABLE = ("purchase_date", "proof_of_purchase", "factory_date", "delivered_date")
ADDRESS_FIELDS = ("address", "city", "province", "postal_code", "country")


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: dict[str, list[str]] = field(default_factory=dict)
    unchanged: list[str] = field(default_factory=list)
    kept_address: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"{len(self.created)} work order(s) created, {len(self.updated)} updated, "
               f"{len(self.unchanged)} unchanged."]
        for number, changes in self.updated.items():
            out.append(f"{number}: " + "; ".join(changes))
        for number in self.kept_address:
            out.append(f"{number}: the file has a different return address; the submitted "
                       "address was kept (rule I3; a supervisor can record a correction)")
        return out


def _chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def import_work_orders_file(uow: UnitOfWork, path: Path) -> ImportReport:
    return import_work_orders(uow, read_file(path), path.name)


def import_work_orders(uow: UnitOfWork, data: bytes, source: str) -> ImportReport:
    """Import a CSV or JSON work-order file; raise `FileRefused` listing every bad row."""
    require(uow.actor, Role.SUPERVISOR, Role.ADMINISTRATOR, action="import work orders")
    settings = center.load(uow)
    problems: list[Problem] = []
    records = parse_work_orders(read_rows(data, source), settings.timezone, problems)
    products = dict(uow.session.execute(select(Product.model, Product.id)).all())
    for record in records:
        for unit in record.units:
            if unit.model and unit.model not in products:
                problems.append(Problem(unit.line, "model", f"model {unit.model} is not in the "
                                        "product catalogue (import it with import-products first)"))
    if problems:
        raise FileRefused(source, sorted(problems, key=lambda p: p.line))

    report = ImportReport()
    existing: dict[str, WorkOrder] = {}
    numbers = [r.number for r in records]
    for chunk in _chunks(numbers):
        for wo in uow.session.execute(select(WorkOrder).where(WorkOrder.number.in_(chunk))).scalars():
            existing[wo.number] = wo
    new = [r for r in records if r.number not in existing]
    changes = _insert_new(uow, new, products)
    report.created = [r.number for r in new]
    for record in records:
        if record.number in existing:
            changes.extend(_update_existing(uow, existing[record.number], record, products, report))
    audit.record_many(uow, changes)
    uow.commit()
    return report


def _insert_new(uow: UnitOfWork, records: list[WorkOrderRecord],
                products: dict[str, int]) -> list[Change]:
    session = uow.session
    changes: list[Change] = []
    for chunk in _chunks(records):
        customer_ids = session.scalars(
            insert(Customer).returning(Customer.id, sort_by_parameter_order=True),
            [{"name": r.customer_name, "name_folded": fold(r.customer_name), "company": r.company, "phone": r.phone, "email": r.email}
             for r in chunk]).all()
        wo_rows = [{
            "number": r.number, "order_number": r.order_number, "submitted_at": r.submitted_at,
            "customer_id": cid, "address": r.address, "city": r.city, "province": r.province,
            "postal_code": r.postal_code, "country": r.country, "service_type": r.service_type,
            "priority": r.priority, "fault_description": r.fault_description,
            "diagnosis_report": r.diagnosis_report, "status": WorkOrderStatus.AWAITING_PARCEL,
        } for r, cid in zip(chunk, customer_ids, strict=True)]
        wo_ids = session.scalars(
            insert(WorkOrder).returning(WorkOrder.id, sort_by_parameter_order=True), wo_rows).all()
        unit_rows = [_unit_row(u, wo_id, products) for r, wo_id in zip(chunk, wo_ids, strict=True)
                     for u in r.units]
        session.execute(insert(Unit), unit_rows)
        changes.extend(Change("work_order.import", "work_order", r.number, wo_id, None,
                              {"customer": r.customer_name, "units": [u.serial for u in r.units]})
                       for r, wo_id in zip(chunk, wo_ids, strict=True))
    return changes


def _unit_row(u: UnitRecord, wo_id: int, products: dict[str, int]) -> dict[str, Any]:
    return {"work_order_id": wo_id, "serial": u.serial, "product_id": products[u.model],
            "purchase_date": u.purchase_date, "proof_of_purchase": u.proof_of_purchase,
            "factory_date": u.factory_date, "delivered_date": u.delivered_date,
            "status": UnitStatus.AWAITING_PARCEL}


def _update_existing(uow: UnitOfWork, wo: WorkOrder, record: WorkOrderRecord,
                     products: dict[str, int], report: ImportReport) -> list[Change]:
    changed: list[str] = []
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}

    def apply(obj: Any, name: str, value: Any, label: str) -> None:
        old = getattr(obj, name)
        if value != old and value not in ("", None):
            before[label], after[label] = old, value
            setattr(obj, name, value)
            changed.append(f"{label} {old or '-'} -> {value}")

    for name in UPDATABLE:
        apply(wo, name, getattr(record, name), name)
    for name in CUSTOMER_UPDATABLE:
        apply(wo.customer, name, getattr(record, name), name)
    if any(getattr(record, f) != getattr(wo, f) for f in ADDRESS_FIELDS):
        report.kept_address.append(wo.number)
    units = {u.serial: u for u in wo.units}
    for unit_record in record.units:
        unit = units.get(unit_record.serial)
        if unit is None:
            if wo.status in (WorkOrderStatus.CLOSED, WorkOrderStatus.CANCELLED):
                continue
            new_unit = Unit(**_unit_row(unit_record, wo.id, products))
            uow.session.add(new_unit)
            changed.append(f"unit {unit_record.serial} added")
            after.setdefault("units_added", []).append(unit_record.serial)
        elif unit.status == UnitStatus.AWAITING_PARCEL:
            for name in UNIT_UPDATABLE:
                apply(unit, name, getattr(unit_record, name), f"{unit.serial} {name}")
    if not changed:
        report.unchanged.append(wo.number)
        return []
    report.updated[wo.number] = changed
    return [Change("work_order.reimport", "work_order", wo.number, wo.id, before, after)]


def import_products_file(uow: UnitOfWork, path: Path) -> tuple[int, int]:
    return import_products(uow, read_file(path), path.name)


def import_products(uow: UnitOfWork, data: bytes, source: str) -> tuple[int, int]:
    """Import the product catalogue; returns (created, updated)."""
    require(uow.actor, Role.SUPERVISOR, Role.ADMINISTRATOR, action="import the product catalogue")
    problems: list[Problem] = []
    records = parse_products(read_rows(data, source), problems)
    policies = set(uow.session.scalars(select(Policy.code)).all())
    for record in records:
        if record.policy and record.policy not in policies:
            problems.append(Problem(record.line, "policy", f"policy {record.policy!r} is unknown "
                                    f"(known: {', '.join(sorted(policies))})"))
    if problems:
        raise FileRefused(source, problems)
    existing = {p.model: p for p in uow.session.scalars(select(Product)).all()}
    created = updated = 0
    changes: list[Change] = []
    for record in records:
        values = _product_values(record)
        product = existing.get(record.model)
        if product is None:
            uow.session.add(Product(**values))
            created += 1
            changes.append(Change("product.create", "product", record.model, after=values))
        else:
            before = {k: getattr(product, k) for k in values}
            if before != values:
                for key, value in values.items():
                    setattr(product, key, value)
                updated += 1
                changes.append(Change("product.update", "product", record.model, None, before,
                                      values))
    audit.record_many(uow, changes)
    uow.commit()
    return created, updated


def _product_values(record: ProductRecord) -> dict[str, Any]:
    return {"model": record.model, "name": record.name, "brand": record.brand,
            "policy_code": record.policy, "list_price": record.list_price,
            "currency": record.currency, "category": record.category, "gtin": record.gtin}


def get_work_order(uow: UnitOfWork, number: str) -> WorkOrder:
    wo = uow.session.scalars(select(WorkOrder).where(WorkOrder.number == number)).first()
    if wo is None:
        wo = uow.session.scalars(
            select(WorkOrder).where(WorkOrder.order_number == number).limit(1)).first()
    if wo is None:
        raise UserError(f"There is no work order {number!r}. Check the number, or import the "
                        "work order first.")
    return wo
