"""Typed SQLAlchemy models for the repair center's objects (see DOMAIN.md).

Times are stored as naive UTC (`UTCDateTime` converts) so that SQLite, PostgreSQL and MariaDB agree.
Money is `Numeric(14, 2)` beside a three-letter currency code, never a float.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Money = Numeric(14, 2)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware datetimes in Python, naive UTC in the database."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where a UTC time is required")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _enum(cls: type[enum.Enum]) -> Enum:
    # Stored as the value string with no database-side enum type, so adding a state is no migration.
    return Enum(cls, native_enum=False, create_constraint=False, length=32,
                values_callable=lambda e: [m.value for m in e])


class ServiceType(enum.StrEnum):
    REPAIR = "repair"
    RETURN = "return"
    REPLACEMENT = "replacement"
    ADVANCE_REPLACEMENT = "advance_replacement"


class Priority(enum.StrEnum):
    P1 = "P1"
    P2 = "P2"
    P3 = "P3"


class WorkOrderStatus(enum.StrEnum):
    AWAITING_PARCEL = "awaiting_parcel"
    PARTLY_RECEIVED = "partly_received"
    RECEIVED = "received"
    IN_PROGRESS = "in_progress"
    PARTLY_SHIPPED = "partly_shipped"
    SHIPPED = "shipped"
    CLOSED = "closed"
    REFUSED = "refused"
    CANCELLED = "cancelled"


class UnitStatus(enum.StrEnum):
    AWAITING_PARCEL = "awaiting_parcel"
    RECEIVED = "received"
    IN_DIAGNOSIS = "in_diagnosis"
    QUOTE_SENT = "quote_sent"
    QUOTE_ACCEPTED = "quote_accepted"
    IN_REPAIR = "in_repair"
    RETURN_UNREPAIRED = "return_unrepaired"
    REPLACEMENT = "replacement"
    RETURN_REFUND = "return_refund"
    TESTING = "testing"
    READY_TO_SHIP = "ready_to_ship"
    SHIPPED = "shipped"
    CLOSED = "closed"
    REFUSED = "refused"
    CANCELLED = "cancelled"


class Customer(Base):
    __tablename__ = "customer"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # Case-folded copy of the name: an index the search can use on every backend.
    name_folded: Mapped[str] = mapped_column(String(200), default="", index=True)
    company: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(50), default="", index=True)
    email: Mapped[str] = mapped_column(String(200), default="")
    # Language of the documents printed for this customer (en, zh_CN, zh_TW); None: the center's.
    language: Mapped[str | None] = mapped_column(String(8), nullable=True)

    work_orders: Mapped[list[WorkOrder]] = relationship(back_populates="customer")


class Policy(Base):
    """A vendor's warranty and service terms; `document` is the policy file's text."""

    __tablename__ = "policy"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    is_preset: Mapped[bool] = mapped_column(Boolean, default=True)
    document: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Product(Base):
    __tablename__ = "product"

    id: Mapped[int] = mapped_column(primary_key=True)
    model: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    brand: Mapped[str] = mapped_column(String(100))
    policy_code: Mapped[str] = mapped_column(String(64))
    list_price: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    category: Mapped[str] = mapped_column(String(50), default="")
    gtin: Mapped[str | None] = mapped_column(String(14), index=True)


class WorkOrder(Base):
    __tablename__ = "work_order"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    order_number: Mapped[str] = mapped_column(String(64), default="", index=True)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    address: Mapped[str] = mapped_column(String(500), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    province: Mapped[str] = mapped_column(String(100), default="")
    postal_code: Mapped[str] = mapped_column(String(20), default="")
    country: Mapped[str] = mapped_column(String(60), default="")
    service_type: Mapped[ServiceType] = mapped_column(_enum(ServiceType), default=ServiceType.REPAIR)
    priority: Mapped[Priority | None] = mapped_column(_enum(Priority), nullable=True)
    fault_description: Mapped[str] = mapped_column(Text, default="")
    diagnosis_report: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[WorkOrderStatus] = mapped_column(
        _enum(WorkOrderStatus), default=WorkOrderStatus.AWAITING_PARCEL)
    # Dates that start the return and replacement clocks (rules R1-R3); recorded by repair.
    return_reason: Mapped[str | None] = mapped_column(String(40), nullable=True)
    return_requested_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    return_confirmed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    spec_mismatch_confirmed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    replacement_approved_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    replacement_delivered_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    customer: Mapped[Customer] = relationship(back_populates="work_orders")
    units: Mapped[list[Unit]] = relationship(back_populates="work_order", order_by="Unit.id")

    @property
    def has_return_address(self) -> bool:
        return bool(self.address.strip() and self.city.strip() and self.country.strip())


class Unit(Base):
    """One expected (then received) product of a work order."""

    __tablename__ = "unit"
    __table_args__ = (
        UniqueConstraint("work_order_id", "serial", name="uq_unit_work_order_serial"),
        # Counting units by state per period (dashboard) reads only this index.
        Index("ix_unit_status_work_order_id", "status", "work_order_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    work_order_id: Mapped[int] = mapped_column(ForeignKey("work_order.id"), index=True)
    serial: Mapped[str] = mapped_column(String(100))
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"))
    purchase_date: Mapped[dt.date | None] = mapped_column(Date)
    proof_of_purchase: Mapped[bool] = mapped_column(Boolean, default=False)
    factory_date: Mapped[dt.date | None] = mapped_column(Date)
    delivered_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[UnitStatus] = mapped_column(
        _enum(UnitStatus), default=UnitStatus.AWAITING_PARCEL, index=True)
    intake_id: Mapped[int | None] = mapped_column(ForeignKey("parcel_intake.id"))
    received_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    shipment_id: Mapped[int | None] = mapped_column(ForeignKey("shipment.id"))
    shipped_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    assigned_to: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    paid_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    customer_accepted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # The earliest open deadline of the unit (its own or its work order's), kept up to date by
    # the services that change the dates, so the due-today/overdue queue is one indexed query.
    due_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)
    due_rule: Mapped[str | None] = mapped_column(String(16), nullable=True)

    work_order: Mapped[WorkOrder] = relationship(back_populates="units")
    product: Mapped[Product] = relationship()


class ParcelIntake(Base):
    """One parcel's arrival at the intake bench."""

    __tablename__ = "parcel_intake"

    id: Mapped[int] = mapped_column(primary_key=True)
    work_order_id: Mapped[int | None] = mapped_column(ForeignKey("work_order.id"), index=True)
    station: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    opened_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    carrier: Mapped[str] = mapped_column(String(64), default="")
    tracking_number: Mapped[str] = mapped_column(String(64), default="")
    condition: Mapped[str] = mapped_column(String(200), default="")
    verdict: Mapped[str] = mapped_column(String(20), default="open")
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    # A refused parcel's way back to its sender (rule S3); all None while it waits at the center.
    returned_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    returned_by: Mapped[str | None] = mapped_column(String(64), nullable=True)  # user name
    return_carrier: Mapped[str | None] = mapped_column(String(64), nullable=True)
    return_tracking: Mapped[str | None] = mapped_column(String(64), nullable=True)
    return_address: Mapped[str | None] = mapped_column(String(500), nullable=True)

    work_order: Mapped[WorkOrder | None] = relationship()


class Scan(Base):
    """Every raw scan, with what it meant and the verdict it got. Nothing scanned is lost."""

    __tablename__ = "scan"

    id: Mapped[int] = mapped_column(primary_key=True)
    intake_id: Mapped[int | None] = mapped_column(ForeignKey("parcel_intake.id"), index=True)
    station: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    scanned_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    raw: Mapped[str] = mapped_column(Text)
    symbology: Mapped[str] = mapped_column(String(32), default="")
    parsed: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    verdict: Mapped[str] = mapped_column(String(20))
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    message: Mapped[str] = mapped_column(Text, default="")
    work_order_id: Mapped[int | None] = mapped_column(ForeignKey("work_order.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    # Chosen by the station before the first attempt, so a retry after a lost commit
    # acknowledgement finds the verdict already stored instead of storing a second one.
    client_scan_id: Mapped[str | None] = mapped_column(String(36), nullable=True, unique=True)
    # The verdict's words as catalogue keys and their fields ([{"key": ..., "params": ...}]), so
    # that a station shows a stored scan in its own language; `message` keeps the English.
    # None for scans stored before these were kept.
    wording: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON, nullable=True)


class Attachment(Base):
    """A photo or log file attached to a parcel intake, a unit or a finding."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    intake_id: Mapped[int | None] = mapped_column(ForeignKey("parcel_intake.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), index=True)
    finding_id: Mapped[int | None] = mapped_column(ForeignKey("finding.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    content: Mapped[bytes] = mapped_column(LargeBinary)
    added_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Finding(Base):
    """One test result on one unit."""

    __tablename__ = "finding"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    test_name: Mapped[str] = mapped_column(String(100))
    result: Mapped[str] = mapped_column(String(10))  # pass / fail / info
    value: Mapped[str] = mapped_column(String(100), default="")
    measure_unit: Mapped[str] = mapped_column(String(20), default="")
    lower_limit: Mapped[Decimal | None] = mapped_column(Numeric(18, 6))
    upper_limit: Mapped[Decimal | None] = mapped_column(Numeric(18, 6))
    notes: Mapped[str] = mapped_column(Text, default="")
    station: Mapped[str] = mapped_column(String(64), default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    started_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    ended_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Diagnosis(Base):
    """Cause, exclusions and warranty decision of one unit (the latest row counts)."""

    __tablename__ = "diagnosis"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    cause: Mapped[str] = mapped_column(String(32))
    exclusions: Mapped[list[str]] = mapped_column(JSON, default=list)
    decision: Mapped[str] = mapped_column(String(20))  # covered / not_covered / cannot_tell
    rule: Mapped[str] = mapped_column(String(20), default="")
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    explanation: Mapped[str] = mapped_column(Text, default="")
    override_decision: Mapped[str | None] = mapped_column(String(20))
    override_reason: Mapped[str] = mapped_column(Text, default="")
    override_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    irreparable: Mapped[bool] = mapped_column(Boolean, default=False)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    @property
    def effective_decision(self) -> str:
        return self.override_decision or self.decision


class Part(Base):
    __tablename__ = "part"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    price: Mapped[Decimal] = mapped_column(Money)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")


class RepairAction(Base):
    __tablename__ = "repair_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    description: Mapped[str] = mapped_column(Text)
    part_id: Mapped[int | None] = mapped_column(ForeignKey("part.id"))
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    old_serial: Mapped[str] = mapped_column(String(100), default="")
    new_serial: Mapped[str] = mapped_column(String(100), default="", index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    done_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    part: Mapped[Part | None] = relationship()


class Quote(Base):
    """A priced offer to the customer; frozen once sent (a change makes a new version)."""

    __tablename__ = "quote"
    __table_args__ = (UniqueConstraint("unit_id", "version", name="uq_quote_unit_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    valid_until: Mapped[dt.date | None] = mapped_column(Date)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    answered_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    answer_channel: Mapped[str] = mapped_column(String(50), default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    lines: Mapped[list[QuoteLine]] = relationship(
        back_populates="quote", order_by="QuoteLine.position", cascade="all, delete-orphan")


class QuoteLine(Base):
    __tablename__ = "quote_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    quote_id: Mapped[int] = mapped_column(ForeignKey("quote.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))  # part / labour / freight / other
    description: Mapped[str] = mapped_column(String(300))
    quantity: Mapped[Decimal] = mapped_column(Numeric(12, 3))
    unit_price: Mapped[Decimal] = mapped_column(Money)
    discount_percent: Mapped[Decimal] = mapped_column(Numeric(5, 2), default=Decimal("0"))
    tax_percent: Mapped[Decimal] = mapped_column(Numeric(5, 2), default=Decimal("0"))

    quote: Mapped[Quote] = relationship(back_populates="lines")


class Shipment(Base):
    __tablename__ = "shipment"

    id: Mapped[int] = mapped_column(primary_key=True)
    work_order_id: Mapped[int] = mapped_column(ForeignKey("work_order.id"), index=True)
    carrier: Mapped[str] = mapped_column(String(64))
    service: Mapped[str] = mapped_column(String(64), default="")
    tracking_number: Mapped[str] = mapped_column(String(64), default="")
    batch_no: Mapped[int] = mapped_column(Integer, default=1)
    batch_count: Mapped[int] = mapped_column(Integer, default=1)
    cod_amount: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    freight_payer: Mapped[str] = mapped_column(String(20), default="center")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    shipped_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    # Set only after the printer accepted the job, so a failed print leaves it unprinted.
    label_printed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    label_printed_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)

    units: Mapped[list[Unit]] = relationship()


class StatusChange(Base):
    """Who moved a unit or work order from one state to another, when and why."""

    __tablename__ = "status_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    work_order_id: Mapped[int] = mapped_column(ForeignKey("work_order.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), index=True)
    from_status: Mapped[str] = mapped_column(String(32))
    to_status: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text, default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    station: Mapped[str] = mapped_column(String(64), default="")
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class User(Base):
    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(200), default="")
    roles: Mapped[list[str]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class AuditEntry(Base):
    """Append-only log; `hash` chains each entry to the one before it."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(Integer)
    username: Mapped[str] = mapped_column(String(64), default="")
    station: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(64), default="")
    work_order_id: Mapped[int | None] = mapped_column(Integer, index=True)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")


class Setting(Base):
    """Center-wide settings shared by every station."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


@event.listens_for(Customer, "before_insert")
@event.listens_for(Customer, "before_update")
def _fold_customer_name(_mapper: Any, _conn: Any, customer: Customer) -> None:
    customer.name_folded = fold(customer.name)


def fold(text: str) -> str:
    """The form names are searched in: case-insensitive, surrounding space removed."""
    return text.strip().casefold()


Index("ix_unit_serial_status", Unit.serial, Unit.status)
# The shelf of refused parcels waiting to go back, oldest first, read from the index alone.
Index("ix_parcel_intake_awaiting_return", ParcelIntake.verdict, ParcelIntake.returned_at,
      ParcelIntake.opened_at)
Index("ix_work_order_status_number", WorkOrder.status, WorkOrder.number)
