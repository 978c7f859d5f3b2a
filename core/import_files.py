"""Reading work-order and product files (CSV from Excel or a web portal, or JSON).

Parsing only: every problem is collected with its line and column so the person importing can fix
the whole file in one go. Checks that need the database (known models) are the service's.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from core.errors import UserError
from core.messages import LANGUAGES
from core.models import Priority, ServiceType

WORK_ORDER_COLUMNS = (
    "work_order", "order_number", "submitted_at", "customer_name", "company", "phone", "email",
    "address", "city", "province", "postal_code", "country", "service_type", "priority",
    "fault_description", "serial", "model", "purchase_date", "proof_of_purchase", "factory_date",
    "delivered_date", "diagnosis_report", "customer_language",
)
REQUIRED_WORK_ORDER_COLUMNS = ("work_order", "customer_name", "address", "city", "country",
                               "service_type", "serial", "model")
HEADER_FIELDS = ("order_number", "submitted_at", "customer_name", "company", "phone", "email",
                 "address", "city", "province", "postal_code", "country", "service_type",
                 "priority", "fault_description", "diagnosis_report", "customer_language")
PRODUCT_COLUMNS = ("model", "name", "brand", "policy", "list_price", "currency")
YES = {"yes", "y", "true", "1", "是", "有"}
NO = {"no", "n", "false", "0", "", "否", "无"}
YES_OR_NO = YES | NO
MAX_FIELD = 2000


@dataclass(frozen=True)
class Problem:
    line: int
    column: str
    reason: str

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else "file"
        return f"{where}, {self.column}: {self.reason}" if self.column else f"{where}: {self.reason}"


class FileRefused(UserError):
    """The file was refused whole; `problems` lists every bad row."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.problems = problems
        shown = "\n".join(f"  {p}" for p in problems[:200])
        more = f"\n  ... and {len(problems) - 200} more" if len(problems) > 200 else ""
        super().__init__(
            f"{source} was not imported: {len(problems)} problem(s) found, nothing was changed. "
            f"Fix these rows and import the file again:\n{shown}{more}")


@dataclass
class UnitRecord:
    line: int
    serial: str
    model: str
    purchase_date: dt.date | None
    proof_of_purchase: bool
    factory_date: dt.date | None
    delivered_date: dt.date | None


@dataclass
class WorkOrderRecord:
    line: int
    number: str
    order_number: str
    submitted_at: dt.datetime | None
    customer_name: str
    company: str
    phone: str
    email: str
    address: str
    city: str
    province: str
    postal_code: str
    country: str
    service_type: ServiceType
    priority: Priority | None
    fault_description: str
    diagnosis_report: bool = False
    language: str | None = None  # the customer's document language; None: the center's
    units: list[UnitRecord] = field(default_factory=list)


@dataclass
class ProductRecord:
    line: int
    model: str
    name: str
    brand: str
    policy: str
    list_price: Decimal
    currency: str
    category: str = ""
    gtin: str | None = None


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(
            f"{source} is not UTF-8 text (byte {exc.start} cannot be read). In Excel use "
            "'Save As' > 'CSV UTF-8', then import again.") from exc


def _rows_from_csv(text: str) -> Iterator[tuple[int, dict[str, str]]]:
    # Excel in some locales writes ';' separated files; sniff only between ',' ';' and tab.
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader, None)
    if header is None:
        return
    names = [name.strip().lower() for name in header]
    width = len(names)
    for values in reader:
        stripped = list(map(str.strip, values))
        if not any(stripped[:width]):
            continue
        clean = dict(zip(names, stripped))
        if len(values) < width:  # a short row: the missing columns are empty
            for name in names[len(values):]:
                clean.setdefault(name, "")
        elif len(values) > width:
            clean["__extra__"] = "yes"
        yield reader.line_num, clean


def _rows_from_json(text: str, source: str) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        doc = json.loads(text)
    except RecursionError:
        raise UserError(f"{source} nests its JSON too deeply to be a work-order file.") from None
    except json.JSONDecodeError as exc:
        raise UserError(f"{source} is not valid JSON: {exc.msg} at line {exc.lineno}, column "
                        f"{exc.colno}.") from exc
    if isinstance(doc, dict):
        doc = doc.get("work_orders", doc.get("products", [doc]))
    if not isinstance(doc, list):
        raise UserError(f"{source}: expected a list of work orders (or products) at the top.")
    for index, item in enumerate(doc, start=1):
        if not isinstance(item, dict):
            yield index, {"__bad__": "each entry must be an object with named fields"}
            continue
        units = item.get("units")
        header = {k: _as_text(v) for k, v in item.items() if k != "units"}
        if isinstance(units, list) and units:
            for unit in units:
                fields = dict(header)
                if isinstance(unit, dict):
                    fields.update({k: _as_text(v) for k, v in unit.items()})
                yield index, fields
        else:
            yield index, header


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value).strip()


def read_rows(data: bytes, source: str) -> list[tuple[int, dict[str, str]]]:
    """Rows of a CSV or JSON file as (line or item number, {column: text})."""
    text = _decode(data, source)
    if "\x00" in text:
        raise UserError(f"{source} contains NUL bytes: it is not a text file. Export it as CSV or "
                        "JSON and import again.")
    if text.lstrip().startswith(("[", "{")):
        return list(_rows_from_json(text, source))
    try:
        return list(_rows_from_csv(text))
    except csv.Error as exc:
        raise UserError(f"{source} is not a readable CSV file: {exc}.") from exc


def _date(value: str, line: int, column: str, problems: list[Problem],
          known: dict[str, dt.date] | None = None) -> dt.date | None:
    if not value:
        return None
    if known is not None and value in known:  # a file repeats the same dates many times
        return known[value]
    try:
        day = dt.date.fromisoformat(value[:10] if "T" in value else value)
    except ValueError:
        problems.append(Problem(line, column, f"{value[:40]!r} is not a date (use YYYY-MM-DD)"))
        return None
    if known is not None:
        known[value] = day
    return day


def _datetime(value: str, tz: ZoneInfo, line: int, column: str,
              problems: list[Problem]) -> dt.datetime | None:
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        problems.append(Problem(line, column,
                                f"{value[:40]!r} is not a date and time (use ISO 8601)"))
        return None
    # A time without an offset is the center's wall-clock time.
    return moment.replace(tzinfo=tz) if moment.tzinfo is None else moment


def _check_lengths(line: int, row: dict[str, str], problems: list[Problem]) -> None:
    if max(map(len, row.values()), default=0) <= MAX_FIELD:
        return
    for column, value in row.items():
        if len(value) > MAX_FIELD:
            problems.append(Problem(line, column, f"longer than {MAX_FIELD} characters"))


def _language(value: str, line: int, problems: list[Problem]) -> str | None:
    """A customer's document language ('zh-TW', 'zh_tw' and 'ZH_TW' all read as zh_TW)."""
    if not value.strip():
        return None
    wanted = value.strip().replace("-", "_").casefold()
    for language in LANGUAGES:
        if language.casefold() == wanted:
            return language
    problems.append(Problem(line, "customer_language", f"{value[:40]!r} is not a language the "
                            f"documents are printed in; use {', '.join(LANGUAGES)}, or leave it "
                            "empty for the center's document language"))
    return None


def parse_work_orders(rows: Iterable[tuple[int, dict[str, str]]], tz: ZoneInfo,
                      problems: list[Problem]) -> list[WorkOrderRecord]:
    """Group rows by work order; append every problem found to `problems`."""
    orders: dict[str, WorkOrderRecord] = {}
    header_of: dict[str, dict[str, str]] = {}
    serials: dict[str, dict[str, int]] = {}
    rows = list(rows)
    if not rows:
        problems.append(Problem(0, "", "the file has no rows"))
        return []
    missing = [c for c in REQUIRED_WORK_ORDER_COLUMNS if c not in rows[0][1]]
    if missing and "__bad__" not in rows[0][1]:
        problems.append(Problem(1, "", "missing column(s): " + ", ".join(missing)))
        return []
    dates: dict[str, dt.date] = {}
    for line, row in rows:
        if "__bad__" in row:
            problems.append(Problem(line, "", row["__bad__"]))
            continue
        if "__extra__" in row:
            problems.append(Problem(line, "", "more values than columns (a comma in an unquoted "
                                              "field?)"))
        _check_lengths(line, row, problems)
        for column in REQUIRED_WORK_ORDER_COLUMNS:
            if not row.get(column):
                what = "return address" if column in ("address", "city", "country") else column
                problems.append(Problem(line, column, f"{what} is missing"))
        number = row.get("work_order", "")
        try:
            service_type = ServiceType(row.get("service_type", "").lower())
        except ValueError:
            service_type = ServiceType.REPAIR
            if row.get("service_type"):
                problems.append(Problem(line, "service_type", f"{row['service_type'][:40]!r} is not "
                                        "one of repair, return, replacement, advance_replacement"))
        priority: Priority | None = None
        if row.get("priority"):
            try:
                priority = Priority(row["priority"].upper())
            except ValueError:
                problems.append(Problem(line, "priority",
                                        f"{row['priority'][:40]!r} is not P1, P2 or P3"))
        proof = row.get("proof_of_purchase", "").lower()
        if proof not in YES_OR_NO:
            problems.append(Problem(line, "proof_of_purchase", f"{proof[:40]!r} is not yes or no"))
        unit = UnitRecord(
            line=line, serial=row.get("serial", ""), model=row.get("model", ""),
            purchase_date=_date(row.get("purchase_date", ""), line, "purchase_date", problems,
                                dates),
            proof_of_purchase=proof in YES,
            factory_date=_date(row.get("factory_date", ""), line, "factory_date", problems, dates),
            delivered_date=_date(row.get("delivered_date", ""), line, "delivered_date", problems,
                                 dates),
        )
        if not number:
            continue
        seen = serials.setdefault(number, {})
        if unit.serial and unit.serial in seen:
            problems.append(Problem(line, "serial", f"serial {unit.serial} is already on line "
                                    f"{seen[unit.serial]} of work order {number}"))
        elif unit.serial:
            seen[unit.serial] = line
        if number not in orders:
            header = {k: row.get(k, "") for k in HEADER_FIELDS}
            header_of[number] = header
            orders[number] = WorkOrderRecord(
                line=line, number=number, order_number=header["order_number"],
                submitted_at=_datetime(header["submitted_at"], tz, line, "submitted_at", problems),
                customer_name=header["customer_name"], company=header["company"],
                phone=header["phone"], email=header["email"], address=header["address"],
                city=header["city"], province=header["province"],
                postal_code=header["postal_code"], country=header["country"],
                service_type=service_type, priority=priority,
                fault_description=header["fault_description"],
                diagnosis_report=header["diagnosis_report"].lower() in YES,
                language=_language(header["customer_language"], line, problems))
        else:
            first = header_of[number]
            for column in ("customer_name", "address", "city", "country", "order_number"):
                value = row.get(column, "")
                if value and value != first[column]:
                    problems.append(Problem(line, column, f"differs from line "
                                            f"{orders[number].line} of the same work order"))
        orders[number].units.append(unit)
    return list(orders.values())


def parse_products(rows: Iterable[tuple[int, dict[str, str]]],
                   problems: list[Problem]) -> list[ProductRecord]:
    records: list[ProductRecord] = []
    seen: dict[str, int] = {}
    rows = list(rows)
    if not rows:
        problems.append(Problem(0, "", "the file has no rows"))
        return []
    missing = [c for c in ("model", "name", "brand", "policy") if c not in rows[0][1]]
    if missing:
        problems.append(Problem(1, "", "missing column(s): " + ", ".join(missing)))
        return []
    for line, row in rows:
        _check_lengths(line, row, problems)
        for column in ("model", "name", "brand", "policy"):
            if not row.get(column):
                problems.append(Problem(line, column, f"{column} is missing"))
        try:
            price = Decimal(row.get("list_price") or "0")
            if not price.is_finite() or price < 0:
                raise InvalidOperation
        except InvalidOperation:
            problems.append(Problem(line, "list_price",
                                    f"{row.get('list_price', '')[:40]!r} is not a price"))
            price = Decimal("0")
        currency = (row.get("currency") or "CNY").upper()
        if len(currency) != 3 or not currency.isalpha():
            problems.append(Problem(line, "currency", f"{currency[:40]!r} is not a currency code"))
        gtin = row.get("gtin", "")
        if gtin and not (gtin.isdigit() and 8 <= len(gtin) <= 14):
            problems.append(Problem(line, "gtin", f"{gtin[:40]!r} is not a GTIN (8 to 14 digits)"))
        model = row.get("model", "")
        if model in seen:
            problems.append(Problem(line, "model", f"model {model} is already on line {seen[model]}"))
        seen[model] = line
        records.append(ProductRecord(line, model, row.get("name", ""), row.get("brand", ""),
                                     row.get("policy", "").lower(), price.quantize(Decimal("0.01")),
                                     currency, row.get("category", ""),
                                     gtin.zfill(14) if gtin else None))
    return records


def read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UserError(f"Cannot read {path}: {exc.strerror}.") from exc
