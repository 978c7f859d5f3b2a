"""Work-order and product-catalogue import, and the service record (rule I2).

An import is one unit of work: either the whole file goes in, or nothing does.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Table, bindparam, select, update

from core import audit, center, messages
from core.audit import Change
from core.bulk_insert import insert_rows, insert_with_ids
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
from core.models import (
    Customer,
    Policy,
    Product,
    Unit,
    UnitStatus,
    WorkOrder,
    WorkOrderStatus,
    fold,
    utcnow,
)
from core.permissions import Role, require
from core.unit_of_work import UnitOfWork

T = TypeVar("T")
CHUNK = 500
# What a re-import may change on a work order; the return address is not among them (rule I3).
UPDATABLE = ("order_number", "service_type", "priority", "fault_description", "diagnosis_report")
CUSTOMER_UPDATABLE = ("company", "phone", "email", "language")
UNIT_UPDATABLE = ("purchase_date", "proof_of_purchase", "factory_date", "delivered_date")
# Work-order columns the warranty and the deadlines read: the D3 service level, and the order
# number (I5); every unit date above is read too.
DUE_INPUTS = ("priority", "order_number")
ADDRESS_FIELDS = ("address", "city", "province", "postal_code", "country")


messages.add({
    "work_orders.unknown_model": {
        "en": "model {model} is not in the product catalogue (import it with import-products "
              "first)",
        "zh_CN": "型号 {model} 不在产品目录中（请先用 import-products 导入产品目录）",
        "zh_TW": "型號 {model} 不在產品目錄中（請先用 import-products 匯入產品目錄）",
    },
    "work_orders.unknown_policy": {
        "en": "policy {policy!r} is unknown (known: {known})",
        "zh_CN": "未知的政策 {policy!r}（已有：{known}）",
        "zh_TW": "未知的政策 {policy!r}（已有：{known}）",
    },
    "work_orders.no_work_order": {
        "en": "There is no work order {number!r}. Check the number, or import the work order "
              "first.",
        "zh_CN": "没有工单 {number!r}。请核对编号，或先导入该工单。",
        "zh_TW": "沒有工單 {number!r}。請核對編號，或先匯入該工單。",
    },
})

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
                problems.append(Problem.of(unit.line, "model", "work_orders.unknown_model",
                                           model=unit.model))
    if problems:
        raise FileRefused(source, sorted(problems, key=lambda p: p.line))

    # Plain rows and executemany throughout: a portal export can hold 100,000 work orders.
    conn = uow.session.connection()
    report = ImportReport()
    existing = _stored_orders(conn, [r.number for r in records])
    new = [r for r in records if r.number not in existing]
    changes = _insert_new(conn, new, products)
    report.created = [r.number for r in new]
    moved: set[int] = set()
    changes += _update_existing(conn, [r for r in records if r.number in existing], existing,
                                products, report, moved)
    audit.record_many(uow, changes)
    if moved:
        # A changed priority, order number or unit date moves the due dates of units already
        # in the center; they are recomputed before the import commits, with it.
        # Imported here: due_dates reads the intake services.
        from core.services.due_dates import refresh_orders

        refresh_orders(uow, sorted(moved))
    uow.commit()
    return report


_STORED_ORDER = select(
    WorkOrder.id, WorkOrder.number, WorkOrder.status, WorkOrder.customer_id,
    *(WorkOrder.__table__.c[n] for n in UPDATABLE + ADDRESS_FIELDS),
    *(Customer.__table__.c[n] for n in CUSTOMER_UPDATABLE),
).join(Customer, Customer.id == WorkOrder.customer_id)
_STORED_UNITS = select(Unit.id, Unit.work_order_id, Unit.serial, Unit.status,
                       *(Unit.__table__.c[n] for n in UNIT_UPDATABLE))


def _stored_orders(conn: Connection, numbers: list[str]) -> dict[str, dict[str, Any]]:
    """The work orders of the file already in the database, as {number: columns}, each with
    its customer's columns and its units ({serial: columns} under "units")."""
    found: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(numbers):
        for row in conn.execute(_STORED_ORDER.where(WorkOrder.number.in_(chunk))):
            found[row.number] = dict(row._mapping) | {"units": {}}
    by_id = {wo["id"]: wo for wo in found.values()}
    for chunk in _chunks(list(by_id)):
        for row in conn.execute(_STORED_UNITS.where(Unit.work_order_id.in_(chunk))):
            by_id[row.work_order_id]["units"][row.serial] = dict(row._mapping)
    return found


def _insert_new(conn: Connection, records: list[WorkOrderRecord],
                products: dict[str, int]) -> list[Change]:
    now = utcnow()
    customer_ids = insert_with_ids(conn, Customer.__table__, [
        {"name": r.customer_name, "name_folded": fold(r.customer_name), "company": r.company,
         "phone": r.phone, "email": r.email, "language": r.language} for r in records])
    wo_ids = insert_with_ids(conn, WorkOrder.__table__, [{
        "number": r.number, "order_number": r.order_number, "submitted_at": r.submitted_at,
        "customer_id": cid, "address": r.address, "city": r.city, "province": r.province,
        "postal_code": r.postal_code, "country": r.country, "service_type": r.service_type,
        "priority": r.priority, "fault_description": r.fault_description,
        "diagnosis_report": r.diagnosis_report, "status": WorkOrderStatus.AWAITING_PARCEL,
        "created_at": now, "updated_at": now,
    } for r, cid in zip(records, customer_ids, strict=True)])
    insert_rows(conn, Unit.__table__, [_unit_row(u, wo_id, products)
                                       for r, wo_id in zip(records, wo_ids, strict=True)
                                       for u in r.units])
    return [Change("work_order.import", "work_order", r.number, wo_id, None,
                   {"customer": r.customer_name, "units": [u.serial for u in r.units]})
            for r, wo_id in zip(records, wo_ids, strict=True)]


def _unit_row(u: UnitRecord, wo_id: int, products: dict[str, int]) -> dict[str, Any]:
    return {"work_order_id": wo_id, "serial": u.serial, "product_id": products[u.model],
            "purchase_date": u.purchase_date, "proof_of_purchase": u.proof_of_purchase,
            "factory_date": u.factory_date, "delivered_date": u.delivered_date,
            "status": UnitStatus.AWAITING_PARCEL}


class _Updates:
    """Column changes per table and row, written as one executemany per set of columns."""

    def __init__(self) -> None:
        self.rows: dict[tuple[Table, int], dict[str, Any]] = {}

    def set(self, table: Table, row_id: int, name: str, value: Any) -> None:
        self.rows.setdefault((table, row_id), {})[name] = value

    def write(self, conn: Connection) -> None:
        groups: dict[tuple[Table, tuple[str, ...]], list[dict[str, Any]]] = {}
        for (table, row_id), values in self.rows.items():
            names = tuple(sorted(values))
            groups.setdefault((table, names), []).append(
                {"row_id": row_id} | {f"new_{n}": v for n, v in values.items()})
        for (table, names), params in groups.items():
            stmt = (update(table).where(table.c.id == bindparam("row_id"))
                    .values({n: bindparam(f"new_{n}") for n in names}))
            conn.execute(stmt, params)


def _update_existing(conn: Connection, records: list[WorkOrderRecord],
                     stored: dict[str, dict[str, Any]], products: dict[str, int],
                     report: ImportReport, moved: set[int]) -> list[Change]:
    """Write what changed; adds to `moved` the work orders whose due dates may have moved."""
    updates = _Updates()
    added: list[dict[str, Any]] = []
    changes: list[Change] = []
    for record in records:
        wo = stored[record.number]
        changed: list[str] = []
        before: dict[str, Any] = {}
        after: dict[str, Any] = {}

        def apply(table: Table, row: dict[str, Any], row_id: int, name: str, value: Any,
                  label: str, changed: list[str] = changed, before: dict[str, Any] = before,
                  after: dict[str, Any] = after) -> None:
            old = row[name]
            if value != old and value not in ("", None):
                before[label], after[label] = old, value
                row[name] = value
                updates.set(table, row_id, name, value)
                changed.append(f"{label} {old or '-'} -> {value}")

        for name in UPDATABLE:
            apply(WorkOrder.__table__, wo, wo["id"], name, getattr(record, name), name)
        for name in CUSTOMER_UPDATABLE:
            apply(Customer.__table__, wo, wo["customer_id"], name, getattr(record, name), name)
        if any(getattr(record, f) != wo[f] for f in ADDRESS_FIELDS):
            report.kept_address.append(record.number)
        for unit_record in record.units:
            unit = wo["units"].get(unit_record.serial)
            if unit is None:
                if wo["status"] in (WorkOrderStatus.CLOSED, WorkOrderStatus.CANCELLED):
                    continue
                added.append(_unit_row(unit_record, wo["id"], products))
                changed.append(f"unit {unit_record.serial} added")
                after.setdefault("units_added", []).append(unit_record.serial)
            elif unit["status"] == UnitStatus.AWAITING_PARCEL:
                for name in UNIT_UPDATABLE:
                    apply(Unit.__table__, unit, unit["id"], name, getattr(unit_record, name),
                          f"{unit['serial']} {name}")
        if not changed:
            report.unchanged.append(record.number)
            continue
        if any(name in after for name in DUE_INPUTS) or any(
                f"{u['serial']} {name}" in after for u in wo["units"].values()
                for name in UNIT_UPDATABLE):
            moved.add(wo["id"])
        report.updated[record.number] = changed
        changes.append(Change("work_order.reimport", "work_order", record.number, wo["id"],
                              before, after))
    updates.write(conn)
    insert_rows(conn, Unit.__table__, added)
    return changes


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
            problems.append(Problem.of(record.line, "policy", "work_orders.unknown_policy",
                                       policy=record.policy, known=", ".join(sorted(policies))))
    if problems:
        raise FileRefused(source, problems)
    existing = {p.model: p for p in uow.session.scalars(select(Product)).all()}
    created = updated = 0
    changes: list[Change] = []
    moved: list[int] = []  # products given another policy: their units' due dates follow
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
                if before["policy_code"] != values["policy_code"]:
                    moved.append(product.id)
                for key, value in values.items():
                    setattr(product, key, value)
                updated += 1
                changes.append(Change("product.update", "product", record.model, None, before,
                                      values))
    audit.record_many(uow, changes)
    if moved:
        # Imported here: due_dates reads the intake services.
        from core.services.due_dates import refresh_all_due

        refresh_all_due(uow, product_ids=moved)
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
        raise UserError.of("work_orders.no_work_order", number=number)
    return wo
