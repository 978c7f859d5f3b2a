"""The intake bench's reads and writes, as Core statements built once and run without the ORM.

A scan is the busiest action of the program: a keyboard-wedge burst puts twenty of them through
a station in a few seconds, each committed before its verdict is shown. Loading ORM objects and
flushing them costs several times the database work itself, so the scan path reads plain rows
(a work order with its customer's name, its units with their models) and writes with Core
inserts and updates. The statements are module constants: SQLAlchemy compiles each once per
dialect and reuses it; the reads run straight on the driver (core.driver_statements).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Connection,
    Select,
    bindparam,
    insert,
    literal_column,
    select,
    union_all,
    update,
)

from core.driver_statements import DriverInsert, DriverRead
from core.models import (
    Customer,
    ParcelIntake,
    Policy,
    Product,
    Scan,
    StatusChange,
    Unit,
    UnitStatus,
    WorkOrder,
    WorkOrderStatus,
)
from core.unit_of_work import Actor

CLOSED_ORDERS = (WorkOrderStatus.CLOSED, WorkOrderStatus.CANCELLED, WorkOrderStatus.REFUSED)
# A unit in one of these states is physically in the center.
IN_CENTER = (UnitStatus.RECEIVED, UnitStatus.IN_DIAGNOSIS, UnitStatus.QUOTE_SENT,
             UnitStatus.QUOTE_ACCEPTED, UnitStatus.IN_REPAIR, UnitStatus.RETURN_UNREPAIRED,
             UnitStatus.REPLACEMENT, UnitStatus.RETURN_REFUND, UnitStatus.TESTING,
             UnitStatus.READY_TO_SHIP)


@dataclass(frozen=True)
class OrderRow:
    """What the bench needs of a work order to decide a scan."""

    id: int
    number: str
    order_number: str
    status: WorkOrderStatus
    customer: str
    address: str
    city: str
    country: str
    diagnosis_report: bool

    @property
    def has_return_address(self) -> bool:
        return bool(self.address.strip() and self.city.strip() and self.country.strip())


@dataclass(frozen=True)
class UnitRow:
    """One expected unit of a work order, with its product's model and policy."""

    id: int
    serial: str
    status: UnitStatus
    product_id: int
    model: str
    policy_code: str
    category: str


# `id` is labelled so that the union below can order by it on every backend.
_ORDER_COLUMNS = (WorkOrder.id.label("id"), WorkOrder.number, WorkOrder.order_number,
                  WorkOrder.status, Customer.name, WorkOrder.address, WorkOrder.city,
                  WorkOrder.country, WorkOrder.diagnosis_report)


def _orders() -> Select[Any]:
    return select(*_ORDER_COLUMNS).join(Customer, Customer.id == WorkOrder.customer_id)


# A work-order number wins over an original order number; of several work orders with the same
# order number, the newest. One round trip whether the scan names a work order or not.
_ORDER_BY_TEXT = DriverRead(union_all(
    _orders().add_columns(literal_column("0").label("rank"))
    .where(WorkOrder.number == bindparam("text")),
    _orders().add_columns(literal_column("1").label("rank"))
    .where(WorkOrder.order_number == bindparam("text")),
).order_by(literal_column("rank"), literal_column("id").desc()).limit(1))
_ORDER_BY_ID = DriverRead(_orders().where(WorkOrder.id == bindparam("id")))
_PARCEL = DriverRead(select(ParcelIntake.verdict, *_ORDER_COLUMNS)
                     .select_from(ParcelIntake)
                     .outerjoin(WorkOrder, WorkOrder.id == ParcelIntake.work_order_id)
                     .outerjoin(Customer, Customer.id == WorkOrder.customer_id)
                     .where(ParcelIntake.id == bindparam("id")))
# Each unit's policy text comes along: the intake checks need the policies, and a query of
# their own per scan cost more than the text does here.
_UNITS_OF = DriverRead(select(Unit.id, Unit.serial, Unit.status, Unit.product_id, Product.model,
                              Product.policy_code, Product.category, Policy.document)
                       .join(Product, Product.id == Unit.product_id)
                       .outerjoin(Policy, Policy.code == Product.policy_code)
                       .where(Unit.work_order_id == bindparam("work_order"))
                       .order_by(Unit.id))
_OPEN_ORDERS_WITH_SERIAL = DriverRead(select(WorkOrder.id, WorkOrder.number).select_from(Unit)
                                      .join(WorkOrder, WorkOrder.id == Unit.work_order_id)
                                      .where(Unit.serial == bindparam("serial"),
                                             WorkOrder.status.not_in(CLOSED_ORDERS))
                                      .order_by(Unit.id))
_IN_CENTER_ELSEWHERE = DriverRead(select(WorkOrder.number).select_from(Unit)
                                  .join(WorkOrder, WorkOrder.id == Unit.work_order_id)
                                  .where(Unit.serial == bindparam("serial"),
                                         Unit.id != bindparam("unit"), Unit.status.in_(IN_CENTER))
                                  .limit(1))
_PRODUCT_BY_GTIN = DriverRead(select(Product.id, Product.model).where(
    Product.gtin == bindparam("gtin")).order_by(Product.id).limit(1))
_RECEIVED_IN = DriverRead(select(Unit.id).where(Unit.intake_id == bindparam("parcel")).limit(1))
_NEW_PARCEL = DriverInsert(ParcelIntake.__table__)
_PARCEL_ON_ORDER = (update(ParcelIntake).where(ParcelIntake.id == bindparam("parcel"))
                    .values(work_order_id=bindparam("work_order")))
# Only one station can move a unit out of `awaiting_parcel`: the loser's UPDATE matches no row.
_RECEIVE = (update(Unit).where(Unit.id == bindparam("unit"),
                               Unit.status == UnitStatus.AWAITING_PARCEL)
            .values(status=UnitStatus.RECEIVED, intake_id=bindparam("parcel"),
                    received_at=bindparam("at")))
_NEW_STATUS_CHANGE = insert(StatusChange)
_ORDER_STATUS = (update(WorkOrder).where(WorkOrder.id == bindparam("work_order"))
                 .values(status=bindparam("status"), updated_at=bindparam("at")))
_NEW_SCAN = DriverInsert(Scan.__table__)
_SCAN_WITH_CLIENT_ID = (select(Scan.id, Scan.intake_id, Scan.raw, Scan.verdict, Scan.reasons,
                               Scan.message, Scan.wording, Scan.work_order_id,
                               Unit.serial.label("unit_serial"))
                        .outerjoin(Unit, Unit.id == Scan.unit_id)
                        .where(Scan.client_scan_id == bindparam("client_scan_id")))


def _order(row: Sequence[Any], at: int = 0) -> OrderRow:
    """The work order in `row`'s columns from `at` on, in _ORDER_COLUMNS' order."""
    (order_id, number, order_number, status, customer, address, city, country,
     diagnosis_report) = row[at:at + 9]
    return OrderRow(order_id, number, order_number, WorkOrderStatus(status), customer, address,
                    city, country, bool(diagnosis_report))


def parcel(conn: Connection, parcel_id: int) -> tuple[str, OrderRow | None] | None:
    """(verdict, its work order) of the parcel, or None when there is no such parcel."""
    row = _PARCEL.first(conn, {"id": parcel_id})
    if row is None:
        return None
    return row[0], (_order(row, 1) if row[1] is not None else None)


def order_named(conn: Connection, text: str) -> OrderRow | None:
    """The work order whose number, or else original order number, is `text`."""
    if not text:
        return None
    row = _ORDER_BY_TEXT.first(conn, {"text": text})
    return _order(row) if row is not None else None


def order_by_id(conn: Connection, order_id: int) -> OrderRow:
    row = _ORDER_BY_ID.first(conn, {"id": order_id})
    if row is None:
        raise LookupError(f"work order id {order_id} is gone")
    return _order(row)


def units_of(conn: Connection, order_id: int,
             documents: dict[str, str] | None = None) -> list[UnitRow]:
    """The work order's units by id; `documents` gets their policies' texts by code (a code
    without a policy row is left out, for `policies.policy_for` to refuse)."""
    units = []
    for unit_id, serial, status, product_id, model, policy_code, category, document in (
            _UNITS_OF.rows(conn, {"work_order": order_id})):
        unit = UnitRow(unit_id, serial, UnitStatus(status), product_id, model, policy_code,
                       category)
        units.append(unit)
        if documents is not None and document is not None:
            documents[unit.policy_code] = document
    return units


def open_orders_with_serial(conn: Connection, serial: str) -> dict[int, str]:
    """{work order id: number} of the open work orders that expect `serial`."""
    return {order_id: number
            for order_id, number in _OPEN_ORDERS_WITH_SERIAL.rows(conn, {"serial": serial})}


def in_center_elsewhere(conn: Connection, serial: str, unit_id: int) -> str | None:
    """The work order of another unit with this serial that is still in the center."""
    row = _IN_CENTER_ELSEWHERE.first(conn, {"serial": serial, "unit": unit_id})
    return row[0] if row is not None else None


def product_with_gtin(conn: Connection, gtin: str) -> tuple[int, str] | None:
    row = _PRODUCT_BY_GTIN.first(conn, {"gtin": gtin})
    return (row[0], row[1]) if row is not None else None


def anything_received_in(conn: Connection, parcel_id: int) -> bool:
    return _RECEIVED_IN.first(conn, {"parcel": parcel_id}) is not None


def new_parcel(conn: Connection, actor: Actor, at: dt.datetime, order_id: int | None) -> int:
    return _NEW_PARCEL.insert(conn, {
        "station": actor.station, "user_id": actor.user_id, "opened_at": at, "verdict": "open",
        "reasons": [], "work_order_id": order_id})


def put_parcel_on_order(conn: Connection, parcel_id: int, order_id: int) -> None:
    conn.execute(_PARCEL_ON_ORDER, {"parcel": parcel_id, "work_order": order_id})


def receive(conn: Connection, unit_id: int, parcel_id: int, at: dt.datetime) -> bool:
    """Move the unit to `received` in this parcel; False when another station was first."""
    return conn.execute(_RECEIVE, {"unit": unit_id, "parcel": parcel_id, "at": at}).rowcount == 1


def record_receipt(conn: Connection, actor: Actor, unit: UnitRow, order_id: int, parcel_id: int,
                   at: dt.datetime) -> None:
    """The unit's status change, as `lifecycle.record_unit_change` records every other one."""
    conn.execute(_NEW_STATUS_CHANGE, {
        "work_order_id": order_id, "unit_id": unit.id,
        "from_status": UnitStatus.AWAITING_PARCEL.value, "to_status": UnitStatus.RECEIVED.value,
        "reason": f"received at intake (parcel {parcel_id})", "user_id": actor.user_id,
        "station": actor.station, "at": at})


def set_order_status(conn: Connection, actor: Actor, order_id: int, old: WorkOrderStatus,
                     new: WorkOrderStatus, at: dt.datetime) -> None:
    """The work order's new state and its status change, as `lifecycle` records them."""
    conn.execute(_ORDER_STATUS, {"work_order": order_id, "status": new, "at": at})
    conn.execute(_NEW_STATUS_CHANGE, {
        "work_order_id": order_id, "unit_id": None, "from_status": old.value,
        "to_status": new.value, "reason": "follows its units", "user_id": actor.user_id,
        "station": actor.station, "at": at})


def store_scan(conn: Connection, values: dict[str, Any]) -> int:
    return _NEW_SCAN.insert(conn, values)


def scan_with_client_id(conn: Connection, client_scan_id: str) -> Any | None:
    """The stored scan the station named `client_scan_id` (with its unit's serial), or None."""
    return conn.execute(_SCAN_WITH_CLIENT_ID, {"client_scan_id": client_scan_id}).first()


def checklist(units: Sequence[UnitRow],
              statuses: dict[int, UnitStatus] | None = None) -> list[dict[str, Any]]:
    """The units the parcel should hold and whether each is in (`statuses` overrides)."""
    out = []
    for unit in units:
        status = (statuses or {}).get(unit.id, unit.status)
        out.append({"serial": unit.serial, "model": unit.model, "status": status.value,
                    "received": status != UnitStatus.AWAITING_PARCEL})
    return out
