"""A demo database: realistic work orders in every state, fast enough to build a million.

Rows go in by bulk inserts (COPY on PostgreSQL) with explicit ids; the ORM would take an hour.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterable, Sequence
from importlib import resources
from typing import Any

from sqlalchemy import Index, func, select, text

from core import audit
from core.audit import Change
from core.models import Base, Customer, fold, Product, Unit, UnitStatus, WorkOrder, WorkOrderStatus
from core.services import due_dates, work_orders
from core.unit_of_work import UnitOfWork

SURNAMES_ZH = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
GIVEN_ZH = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
            "明", "超", "秀英", "华", "慧", "建国", "海燕", "志强", "晓东", "雪梅"]
FIRST_EN = ["Emily", "James", "Olivia", "Liam", "Sophia", "Noah", "Ava", "Lucas", "Mia", "Ethan",
            "Carlos", "Anna", "David", "Sarah", "Tom", "Grace", "Daniel", "Chloe", "Ryan", "Zoe"]
LAST_EN = ["Carter", "Smith", "Nguyen", "Müller", "García", "Brown", "Wilson", "Tanaka", "Kim",
           "Rossi", "Dubois", "Johnson", "Lee", "Walker", "Hall", "Young", "King", "Wright"]
CITIES_ZH = [("深圳市", "广东省", "518000", ["南山区科技园", "福田区深南大道", "宝安区西乡街道"]),
             ("上海市", "上海市", "200000", ["浦东新区张江路", "徐汇区漕河泾", "闵行区莘庄"]),
             ("北京市", "北京市", "100000", ["海淀区中关村大街", "朝阳区望京街", "丰台区科技园"]),
             ("杭州市", "浙江省", "310000", ["西湖区文三路", "滨江区网商路", "余杭区五常街道"]),
             ("成都市", "四川省", "610000", ["高新区天府大道", "武侯区科华北路", "锦江区春熙路"])]
CITIES_EN = [("London", "", "E14 9GE", "GB"), ("Berlin", "", "10115", "DE"),
             ("Austin", "TX", "78701", "US"), ("Singapore", "", "018956", "SG"),
             ("Toronto", "ON", "M5V 2T6", "CA"), ("Ciudad de México", "CDMX", "03940", "MX")]
STREETS_EN = ["Harbour Exchange Square", "Market Street", "King Road", "Innovation Drive",
              "Station Avenue", "Riverside Park"]
FAULTS = ["No power", "Hashboard not detected", "Fan error", "Ports drop packets", "No light received",
          "Touch screen unresponsive", "Connector open circuit", "Overheats under load",
          "开机无显示", "算力板不识别", "风扇报警", "链路中断", "触摸屏无响应"]
# Work-order states with their share of the demo, and the unit state that goes with each.
STATES: list[tuple[WorkOrderStatus, float, UnitStatus]] = [
    (WorkOrderStatus.AWAITING_PARCEL, 0.30, UnitStatus.AWAITING_PARCEL),
    (WorkOrderStatus.PARTLY_RECEIVED, 0.04, UnitStatus.RECEIVED),
    (WorkOrderStatus.RECEIVED, 0.10, UnitStatus.RECEIVED),
    (WorkOrderStatus.IN_PROGRESS, 0.20, UnitStatus.IN_DIAGNOSIS),
    (WorkOrderStatus.PARTLY_SHIPPED, 0.03, UnitStatus.SHIPPED),
    (WorkOrderStatus.SHIPPED, 0.10, UnitStatus.SHIPPED),
    (WorkOrderStatus.CLOSED, 0.18, UnitStatus.CLOSED),
    (WorkOrderStatus.REFUSED, 0.02, UnitStatus.REFUSED),
    (WorkOrderStatus.CANCELLED, 0.03, UnitStatus.CANCELLED),
]
IN_PROGRESS_UNIT_STATES = [UnitStatus.IN_DIAGNOSIS, UnitStatus.QUOTE_SENT, UnitStatus.IN_REPAIR,
                           UnitStatus.TESTING, UnitStatus.READY_TO_SHIP, UnitStatus.QUOTE_ACCEPTED]
CHUNK = 20_000
SERIAL_PREFIX = {"jetharness": "JH", "jasminer": "JM", "jomplair": "JP", "changkong": "CK"}


def _stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def _bulk(uow: UnitOfWork, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    conn = uow.session.connection()
    dialect = conn.dialect.name
    if dialect == "postgresql":
        raw = conn.connection.driver_connection
        with raw.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join(["%s" if dialect in ("mysql", "mariadb") else "?"] * len(columns))
    cursor = conn.connection.driver_connection.cursor()
    cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", list(rows))


def _next_id(uow: UnitOfWork, column: Any) -> int:
    return int(uow.session.scalar(select(func.coalesce(func.max(column), 0))) or 0) + 1


def is_empty(uow: UnitOfWork) -> bool:
    return not uow.session.scalar(select(func.count(WorkOrder.id)))


def ensure_catalogue(uow: UnitOfWork) -> None:
    if uow.session.scalar(select(func.count(Product.id))):
        return
    data = (resources.files("resources") / "samples" / "products.csv").read_bytes()
    work_orders.import_products(uow, data, "products.csv")


def build(uow: UnitOfWork, count: int, *, seed: int = 7,
          progress: Callable[[int, int], None] | None = None) -> int:
    """Add `count` demo work orders (about three units each); returns the units added."""
    ensure_catalogue(uow)
    rng = random.Random(seed)
    products = uow.session.execute(select(Product.id, Product.policy_code)).all()
    weights = [s[1] for s in STATES]
    wo_id = _next_id(uow, WorkOrder.id)
    cust_id = _next_id(uow, Customer.id)
    unit_id = _next_id(uow, Unit.id)
    first_wo, first_unit = wo_id, unit_id
    dropped = _drop_secondary_indexes(uow) if count >= 50_000 else []
    today = dt.datetime.now(dt.UTC).replace(hour=2, minute=0, second=0, microsecond=0)
    done = 0
    while done < count:
        n = min(CHUNK, count - done)
        customers: list[tuple[Any, ...]] = []
        orders: list[tuple[Any, ...]] = []
        units: list[tuple[Any, ...]] = []
        for _ in range(n):
            chinese = rng.random() < 0.6
            if chinese:
                name = rng.choice(SURNAMES_ZH) + rng.choice(GIVEN_ZH)
                city, province, postal, streets = rng.choice(CITIES_ZH)
                address = f"{rng.choice(streets)} {rng.randint(1, 999)} 号"
                country, phone = "CN", f"1{rng.randint(3, 9)}{rng.randint(0, 999999999):09d}"
            else:
                name = f"{rng.choice(FIRST_EN)} {rng.choice(LAST_EN)}"
                city, province, postal, country = rng.choice(CITIES_EN)
                address = f"{rng.randint(1, 400)} {rng.choice(STREETS_EN)}"
                phone = f"+{rng.randint(1, 99)} {rng.randint(100, 999)} {rng.randint(1000000, 9999999)}"
            customers.append((cust_id, name, fold(name), "", phone, f"c{cust_id}@example.com"))
            status, _, unit_status = rng.choices(STATES, weights)[0]
            submitted = today - dt.timedelta(days=rng.randint(0, 700), minutes=rng.randint(0, 1440))
            product_id, policy = rng.choice(products)
            service = rng.choices(["repair", "return", "replacement", "advance_replacement"],
                                  [0.8, 0.06, 0.08, 0.06])[0]
            priority = rng.choice(["P1", "P2", "P3"]) if policy == "jomplair" else None
            orders.append((wo_id, f"RMA-{submitted.year}-{wo_id:07d}", f"SO-{rng.randint(10**7, 10**8 - 1)}",
                           _stamp(submitted), cust_id, address, city, province, postal, country,
                           service, priority, rng.choice(FAULTS), 0, status.value,
                           _stamp(submitted), _stamp(submitted)))
            for k in range(rng.choice((1, 2, 3, 3, 3, 4, 5))):
                state = unit_status
                if status == WorkOrderStatus.IN_PROGRESS:
                    state = rng.choice(IN_PROGRESS_UNIT_STATES)
                elif status == WorkOrderStatus.PARTLY_RECEIVED and k > 0:
                    state = UnitStatus.AWAITING_PARCEL
                received = None if state in (UnitStatus.AWAITING_PARCEL, UnitStatus.CANCELLED,
                                             UnitStatus.REFUSED) else _stamp(submitted + dt.timedelta(days=4))
                bought = (submitted - dt.timedelta(days=rng.randint(20, 500))).date()
                units.append((unit_id, wo_id, f"{SERIAL_PREFIX.get(policy, 'SN')}{wo_id:08d}{k}",
                              product_id, bought.isoformat(), int(rng.random() < 0.8),
                              (bought - dt.timedelta(days=30)).isoformat(),
                              (bought + dt.timedelta(days=3)).isoformat(), state.value, received))
                unit_id += 1
            wo_id += 1
            cust_id += 1
        _bulk(uow, "customer", ("id", "name", "name_folded", "company", "phone", "email"), customers)
        _bulk(uow, "work_order", ("id", "number", "order_number", "submitted_at", "customer_id",
                                  "address", "city", "province", "postal_code", "country",
                                  "service_type", "priority", "fault_description",
                                  "diagnosis_report", "status", "created_at", "updated_at"), orders)
        _bulk(uow, "unit", ("id", "work_order_id", "serial", "product_id", "purchase_date",
                            "proof_of_purchase", "factory_date", "delivered_date", "status",
                            "received_at"), units)
        done += n
        if progress:
            progress(done, count)
    for index in dropped:
        index.create(uow.session.connection())
    _reset_sequences(uow)
    due_dates.refresh_all_due(uow)  # the demo's units in the center get their due dates
    audit.record(uow, Change("demo.build", "database", "", None, None,
                             {"work_orders": count, "first_work_order_id": first_wo,
                              "units": unit_id - first_unit}))
    uow.commit()
    return unit_id - first_unit


def _drop_secondary_indexes(uow: UnitOfWork) -> list[Index]:
    """Drop the plain indexes of the bulk-loaded tables; building them after the load is many
    times faster than updating them row by row. MariaDB commits on DDL, so it keeps them."""
    conn = uow.session.connection()
    if conn.dialect.name not in ("sqlite", "postgresql"):
        return []
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA cache_size=-262144")
    dropped = [index for table in ("customer", "work_order", "unit")
               for index in Base.metadata.tables[table].indexes if not index.unique]
    for index in dropped:
        index.drop(conn)
    return dropped


def _reset_sequences(uow: UnitOfWork) -> None:
    # Explicit ids bypass PostgreSQL's sequences; move them past the rows just written.
    if uow.session.connection().dialect.name != "postgresql":
        return
    for table in ("customer", "work_order", "unit"):
        uow.session.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"))
