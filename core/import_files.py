"""Reading work-order and product files (CSV from Excel or a web portal, or JSON).

Parsing only: every problem is collected with its line and column so the person importing can fix
the whole file in one go. Checks that need the database (known models) are the service's.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from core import messages
from core.errors import UserError
from core.messages import LANGUAGES
from core.models import Priority, ServiceType

# A CSV line is a spreadsheet row: "行" in mainland Excel, "列" in Taiwan's (where 行 is a column).
messages.add({
    "import.refused": {
        "en": "{source} was not imported: {count} problem(s) found, nothing was changed. "
              "Fix these rows and import the file again:",
        "zh_CN": "{source} 未导入：发现 {count} 个问题，未作任何更改。请修正以下各行后重新导入该文件：",
        "zh_TW": "{source} 未匯入：發現 {count} 個問題，未作任何變更。請修正以下各列後重新匯入該檔案：",
    },
    "import.more": {
        "en": "... and {count} more",
        "zh_CN": "……另有 {count} 个问题",
        "zh_TW": "……另有 {count} 個問題",
    },
    "import.at_line_column": {
        "en": "line {line}, {column}: {reason}",
        "zh_CN": "第 {line} 行，{column}：{reason}",
        "zh_TW": "第 {line} 列，{column}：{reason}",
    },
    "import.at_line": {
        "en": "line {line}: {reason}",
        "zh_CN": "第 {line} 行：{reason}",
        "zh_TW": "第 {line} 列：{reason}",
    },
    "import.at_file_column": {
        "en": "file, {column}: {reason}",
        "zh_CN": "文件，{column}：{reason}",
        "zh_TW": "檔案，{column}：{reason}",
    },
    "import.at_file": {
        "en": "file: {reason}",
        "zh_CN": "文件：{reason}",
        "zh_TW": "檔案：{reason}",
    },
    "import.not_utf8": {
        "en": "{source} is not UTF-8 text (byte {byte} cannot be read). In Excel use "
              "'Save As' > 'CSV UTF-8', then import again.",
        "zh_CN": "{source} 不是 UTF-8 文本（第 {byte} 字节处无法读取）。"
                 "请在 Excel 中选择“另存为”>“CSV UTF-8”，然后重新导入。",
        "zh_TW": "{source} 不是 UTF-8 文字（第 {byte} 位元組處無法讀取）。"
                 "請在 Excel 中選擇「另存新檔」>「CSV UTF-8」，然後重新匯入。",
    },
    "import.json_too_deep": {
        "en": "{source} nests its JSON too deeply to be a work-order file.",
        "zh_CN": "{source} 的 JSON 嵌套层级过深，不是工单文件。",
        "zh_TW": "{source} 的 JSON 巢狀層級過深，不是工單檔案。",
    },
    "import.not_json": {
        "en": "{source} is not valid JSON: {error} at line {line}, column {column}.",
        "zh_CN": "{source} 不是有效的 JSON：第 {line} 行第 {column} 个字符处出错（{error}）。",
        "zh_TW": "{source} 不是有效的 JSON：第 {line} 行第 {column} 個字元處出錯（{error}）。",
    },
    "import.not_a_list": {
        "en": "{source}: expected a list of work orders (or products) at the top.",
        "zh_CN": "{source}：最外层应为工单（或产品）列表。",
        "zh_TW": "{source}：最外層應為工單（或產品）清單。",
    },
    "import.nul_bytes": {
        "en": "{source} contains NUL bytes: it is not a text file. Export it as CSV or JSON and "
              "import again.",
        "zh_CN": "{source} 含有 NUL 字节，不是文本文件。请导出为 CSV 或 JSON 后重新导入。",
        "zh_TW": "{source} 含有 NUL 位元組，不是文字檔。請匯出為 CSV 或 JSON 後重新匯入。",
    },
    "import.bad_csv": {
        "en": "{source} is not a readable CSV file: {error}.",
        "zh_CN": "{source} 不是可读取的 CSV 文件：{error}。",
        "zh_TW": "{source} 不是可讀取的 CSV 檔案：{error}。",
    },
    "import.cannot_read": {
        "en": "Cannot read {path}: {error}.",
        "zh_CN": "无法读取 {path}：{error}。",
        "zh_TW": "無法讀取 {path}：{error}。",
    },
    # The problems of one row (after "line N, column:").
    "import.not_an_object": {
        "en": "each entry must be an object with named fields",
        "zh_CN": "每一项都必须是带字段名的对象",
        "zh_TW": "每一筆都必須是帶有欄位名稱的物件",
    },
    "import.not_a_date": {
        "en": "{value!r} is not a date (use YYYY-MM-DD)",
        "zh_CN": "{value!r} 不是日期（请使用 YYYY-MM-DD 格式）",
        "zh_TW": "{value!r} 不是日期（請使用 YYYY-MM-DD 格式）",
    },
    "import.not_a_datetime": {
        "en": "{value!r} is not a date and time (use ISO 8601)",
        "zh_CN": "{value!r} 不是日期时间（请使用 ISO 8601 格式）",
        "zh_TW": "{value!r} 不是日期時間（請使用 ISO 8601 格式）",
    },
    "import.too_long": {
        "en": "longer than {limit} characters",
        "zh_CN": "超过 {limit} 个字符",
        "zh_TW": "超過 {limit} 個字元",
    },
    "import.bad_language": {
        "en": "{value!r} is not a language the documents are printed in; use {languages}, or "
              "leave it empty for the center's document language",
        "zh_CN": "{value!r} 不是可打印单据的语言；请使用 {languages}，或留空以使用本中心的单据语言",
        "zh_TW": "{value!r} 不是可列印單據的語言；請使用 {languages}，或留空以使用本中心的單據語言",
    },
    "import.no_rows": {
        "en": "the file has no rows",
        "zh_CN": "文件中没有数据行",
        "zh_TW": "檔案中沒有資料列",
    },
    "import.missing_columns": {
        "en": "missing column(s): {columns}",
        "zh_CN": "缺少列：{columns}",
        "zh_TW": "缺少欄位：{columns}",
    },
    "import.extra_values": {
        "en": "more values than columns (a comma in an unquoted field?)",
        "zh_CN": "值比列多（某个未加引号的字段里有逗号？）",
        "zh_TW": "值比欄位多（某個未加引號的欄位裡有逗號？）",
    },
    "import.no_return_address": {
        "en": "return address is missing",
        "zh_CN": "缺少回寄地址",
        "zh_TW": "缺少回寄地址",
    },
    "import.missing_value": {
        "en": "{column} is missing",
        "zh_CN": "缺少 {column}",
        "zh_TW": "缺少 {column}",
    },
    "import.bad_service_type": {
        "en": "{value!r} is not one of repair, return, replacement, advance_replacement",
        "zh_CN": "{value!r} 不是 repair、return、replacement、advance_replacement 之一",
        "zh_TW": "{value!r} 不是 repair、return、replacement、advance_replacement 之一",
    },
    "import.bad_priority": {
        "en": "{value!r} is not P1, P2 or P3",
        "zh_CN": "{value!r} 不是 P1、P2 或 P3",
        "zh_TW": "{value!r} 不是 P1、P2 或 P3",
    },
    "import.not_yes_or_no": {
        "en": "{value!r} is not yes or no",
        "zh_CN": "{value!r} 不是 yes 或 no（是或否）",
        "zh_TW": "{value!r} 不是 yes 或 no（是或否）",
    },
    "import.serial_twice": {
        "en": "serial {serial} is already on line {first} of work order {number}",
        "zh_CN": "序列号 {serial} 已在工单 {number} 的第 {first} 行出现",
        "zh_TW": "序號 {serial} 已在工單 {number} 的第 {first} 列出現",
    },
    "import.differs": {
        "en": "differs from line {first} of the same work order",
        "zh_CN": "与同一工单的第 {first} 行不一致",
        "zh_TW": "與同一工單的第 {first} 列不一致",
    },
    "import.not_a_price": {
        "en": "{value!r} is not a price",
        "zh_CN": "{value!r} 不是有效的价格",
        "zh_TW": "{value!r} 不是有效的價格",
    },
    "import.not_a_currency": {
        "en": "{value!r} is not a currency code",
        "zh_CN": "{value!r} 不是货币代码",
        "zh_TW": "{value!r} 不是貨幣代碼",
    },
    "import.not_a_gtin": {
        "en": "{value!r} is not a GTIN (8 to 14 digits)",
        "zh_CN": "{value!r} 不是 GTIN（8 到 14 位数字）",
        "zh_TW": "{value!r} 不是 GTIN（8 到 14 位數字）",
    },
    "import.model_twice": {
        "en": "model {model} is already on line {first}",
        "zh_CN": "型号 {model} 已在第 {first} 行出现",
        "zh_TW": "型號 {model} 已在第 {first} 列出現",
    },
})

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
    """One bad row (line 0: the whole file). `reason` is the English wording; a problem made
    with `Problem.of` also has its catalogue `key` and `params`, to be read in any language."""

    line: int
    column: str
    reason: str
    key: str | None = None
    params: Mapping[str, object] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, line: int, column: str, key: str, /, **params: object) -> Problem:
        """The problem whose reason is the catalogue's `key` filled with `params`."""
        return cls(line, column, messages.text(key, messages.DEFAULT_LANGUAGE, **params), key,
                   params)

    def reason_in(self, language: str | None) -> str:
        if self.key is None:
            return self.reason
        return messages.text(self.key, language, **self.params)

    def in_language(self, language: str | None) -> str:
        """"line N, column: reason" in `language`."""
        where = "import.at_line" if self.line else "import.at_file"
        key = f"{where}_column" if self.column else where
        # str.format leaves out the fields a template does not name (the line of "file: ...").
        return messages.text(key, language, line=self.line, column=self.column,
                             reason=self.reason_in(language))

    def __str__(self) -> str:
        return self.in_language(messages.DEFAULT_LANGUAGE)


# A refusal lists this many problems; the rest are counted.
_SHOWN = 200


class FileRefused(UserError):
    """The file was refused whole; `problems` lists every bad row."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source, self.problems = source, problems
        self.key = "import.refused"
        self.params = {"source": source, "count": len(problems)}
        super().__init__(self.in_language(messages.DEFAULT_LANGUAGE))

    def in_language(self, language: str | None) -> str:
        """The header and every listed row in `language`."""
        lines = [messages.text("import.refused", language, **self.params)]
        lines += [f"  {p.in_language(language)}" for p in self.problems[:_SHOWN]]
        if len(self.problems) > _SHOWN:
            lines.append("  " + messages.text("import.more", language,
                                              count=len(self.problems) - _SHOWN))
        return "\n".join(lines)


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
        raise UserError.of("import.not_utf8", source=source, byte=exc.start) from exc


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
        raise UserError.of("import.json_too_deep", source=source) from None
    except json.JSONDecodeError as exc:
        raise UserError.of("import.not_json", source=source, error=exc.msg, line=exc.lineno,
                           column=exc.colno) from exc
    if isinstance(doc, dict):
        doc = doc.get("work_orders", doc.get("products", [doc]))
    if not isinstance(doc, list):
        raise UserError.of("import.not_a_list", source=source)
    for index, item in enumerate(doc, start=1):
        if not isinstance(item, dict):
            yield index, {"__bad__": "import.not_an_object"}  # a catalogue key
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
        raise UserError.of("import.nul_bytes", source=source)
    if text.lstrip().startswith(("[", "{")):
        return list(_rows_from_json(text, source))
    try:
        return list(_rows_from_csv(text))
    except csv.Error as exc:
        raise UserError.of("import.bad_csv", source=source, error=exc) from exc


def _date(value: str, line: int, column: str, problems: list[Problem],
          known: dict[str, dt.date] | None = None) -> dt.date | None:
    if not value:
        return None
    if known is not None and value in known:  # a file repeats the same dates many times
        return known[value]
    try:
        day = dt.date.fromisoformat(value[:10] if "T" in value else value)
    except ValueError:
        problems.append(Problem.of(line, column, "import.not_a_date", value=value[:40]))
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
        problems.append(Problem.of(line, column, "import.not_a_datetime", value=value[:40]))
        return None
    # A time without an offset is the center's wall-clock time.
    return moment.replace(tzinfo=tz) if moment.tzinfo is None else moment


def _check_lengths(line: int, row: dict[str, str], problems: list[Problem]) -> None:
    if max(map(len, row.values()), default=0) <= MAX_FIELD:
        return
    for column, value in row.items():
        if len(value) > MAX_FIELD:
            problems.append(Problem.of(line, column, "import.too_long", limit=MAX_FIELD))


def _language(value: str, line: int, problems: list[Problem]) -> str | None:
    """A customer's document language ('zh-TW', 'zh_tw' and 'ZH_TW' all read as zh_TW)."""
    if not value.strip():
        return None
    wanted = value.strip().replace("-", "_").casefold()
    for language in LANGUAGES:
        if language.casefold() == wanted:
            return language
    problems.append(Problem.of(line, "customer_language", "import.bad_language",
                               value=value[:40], languages=", ".join(LANGUAGES)))
    return None


def parse_work_orders(rows: Iterable[tuple[int, dict[str, str]]], tz: ZoneInfo,
                      problems: list[Problem]) -> list[WorkOrderRecord]:
    """Group rows by work order; append every problem found to `problems`."""
    orders: dict[str, WorkOrderRecord] = {}
    header_of: dict[str, dict[str, str]] = {}
    serials: dict[str, dict[str, int]] = {}
    rows = list(rows)
    if not rows:
        problems.append(Problem.of(0, "", "import.no_rows"))
        return []
    missing = [c for c in REQUIRED_WORK_ORDER_COLUMNS if c not in rows[0][1]]
    if missing and "__bad__" not in rows[0][1]:
        problems.append(Problem.of(1, "", "import.missing_columns", columns=", ".join(missing)))
        return []
    dates: dict[str, dt.date] = {}
    for line, row in rows:
        if "__bad__" in row:
            problems.append(Problem.of(line, "", row["__bad__"]))
            continue
        if "__extra__" in row:
            problems.append(Problem.of(line, "", "import.extra_values"))
        _check_lengths(line, row, problems)
        for column in REQUIRED_WORK_ORDER_COLUMNS:
            if not row.get(column):
                problems.append(
                    Problem.of(line, column, "import.no_return_address")
                    if column in ("address", "city", "country")
                    else Problem.of(line, column, "import.missing_value", column=column))
        number = row.get("work_order", "")
        try:
            service_type = ServiceType(row.get("service_type", "").lower())
        except ValueError:
            service_type = ServiceType.REPAIR
            if row.get("service_type"):
                problems.append(Problem.of(line, "service_type", "import.bad_service_type",
                                           value=row["service_type"][:40]))
        priority: Priority | None = None
        if row.get("priority"):
            try:
                priority = Priority(row["priority"].upper())
            except ValueError:
                problems.append(Problem.of(line, "priority", "import.bad_priority",
                                           value=row["priority"][:40]))
        proof = row.get("proof_of_purchase", "").lower()
        if proof not in YES_OR_NO:
            problems.append(Problem.of(line, "proof_of_purchase", "import.not_yes_or_no",
                                       value=proof[:40]))
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
            problems.append(Problem.of(line, "serial", "import.serial_twice", serial=unit.serial,
                                       first=seen[unit.serial], number=number))
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
                    problems.append(Problem.of(line, column, "import.differs",
                                               first=orders[number].line))
        orders[number].units.append(unit)
    return list(orders.values())


def parse_products(rows: Iterable[tuple[int, dict[str, str]]],
                   problems: list[Problem]) -> list[ProductRecord]:
    records: list[ProductRecord] = []
    seen: dict[str, int] = {}
    rows = list(rows)
    if not rows:
        problems.append(Problem.of(0, "", "import.no_rows"))
        return []
    missing = [c for c in ("model", "name", "brand", "policy") if c not in rows[0][1]]
    if missing:
        problems.append(Problem.of(1, "", "import.missing_columns", columns=", ".join(missing)))
        return []
    for line, row in rows:
        _check_lengths(line, row, problems)
        for column in ("model", "name", "brand", "policy"):
            if not row.get(column):
                problems.append(Problem.of(line, column, "import.missing_value", column=column))
        try:
            price = Decimal(row.get("list_price") or "0")
            if not price.is_finite() or price < 0:
                raise InvalidOperation
        except InvalidOperation:
            problems.append(Problem.of(line, "list_price", "import.not_a_price",
                                       value=row.get("list_price", "")[:40]))
            price = Decimal("0")
        currency = (row.get("currency") or "CNY").upper()
        if len(currency) != 3 or not currency.isalpha():
            problems.append(Problem.of(line, "currency", "import.not_a_currency",
                                       value=currency[:40]))
        gtin = row.get("gtin", "")
        if gtin and not (gtin.isdigit() and 8 <= len(gtin) <= 14):
            problems.append(Problem.of(line, "gtin", "import.not_a_gtin", value=gtin[:40]))
        model = row.get("model", "")
        if model in seen:
            problems.append(Problem.of(line, "model", "import.model_twice", model=model,
                                       first=seen[model]))
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
        raise UserError.of("import.cannot_read", path=path, error=exc.strerror) from exc
