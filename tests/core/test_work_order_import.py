"""Work-order import: whole files in or nothing, every bad row named, rule I3 on re-import."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from core import audit
from core.errors import UserError
from core.import_files import FileRefused, Problem
from core.models import AuditEntry, Customer, Unit, WorkOrder, WorkOrderStatus
from core.services import service_record, work_orders
from core.unit_of_work import Database
from tests.conftest import SAMPLES

HEADER = ("work_order,order_number,submitted_at,customer_name,company,phone,email,address,city,"
          "province,postal_code,country,service_type,priority,fault_description,serial,model,"
          "purchase_date,proof_of_purchase,factory_date,delivered_date\n")


def row(wo: str = "WO-1", serial: str = "SN1", model: str = "JM-X16-Q", address: str = "1 Road",
        purchase: str = "2026-01-02", service: str = "repair", name: str = "Ann Lee",
        phone: str = "123", priority: str = "") -> str:
    return (f"{wo},SO-1,2026-11-01T10:00:00,{name},,{phone},a@b.c,{address},Shenzhen,GD,518000,CN,"
            f"{service},{priority},no power,{serial},{model},{purchase},yes,2025-12-01,2026-01-05\n")


def do_import(database: Database, text: str, name: str = "file.csv") -> work_orders.ImportReport:
    with database.uow() as uow:
        return work_orders.import_work_orders(uow, text.encode("utf-8"), name)


def count(database: Database, model: type) -> int:
    with database.uow() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


@pytest.fixture
def any_catalogue(any_database: Database) -> Database:
    with any_database.uow() as uow:
        work_orders.import_products(uow, (SAMPLES / "products.csv").read_bytes(), "products.csv")
    return any_database


def test_sample_files_import_on_both_backends(any_catalogue: Database) -> None:
    with any_catalogue.uow() as uow:
        report = work_orders.import_work_orders_file(uow, SAMPLES / "work_orders.csv")
    assert len(report.created) == 4
    with any_catalogue.uow() as uow:
        json_report = work_orders.import_work_orders_file(uow, SAMPLES / "work_orders.json")
    assert json_report.created == ["RMA-2026-0101"]
    with any_catalogue.uow() as uow:
        record = service_record.load(uow, "RMA-2026-0001")
        assert record.customer == "王伟"
        assert [u.serial for u in record.units] == ["JMX16Q2405001", "JMX16Q2405002"]
        assert "work order imported with 2 unit(s)" in record.as_text()
        # The original sales order number finds the same record (rule I2).
        assert service_record.load(uow, "SO-88123").number == "RMA-2026-0001"
    assert count(any_catalogue, Unit) == 7


def test_bom_and_semicolon_csv_from_excel(catalogue: Database) -> None:
    text = "\ufeff" + (HEADER + row()).replace(",", ";")
    report = do_import(catalogue, text)
    assert report.created == ["WO-1"]


def test_bad_file_is_refused_whole_with_every_bad_row(catalogue: Database) -> None:
    text = (HEADER + row(wo="OK-1", serial="A1")
            + row(wo="WO-2", model="NOPE-1")
            + row(wo="WO-3", address="")
            + row(wo="WO-4", purchase="2026-13-45")
            + row(wo="WO-5", serial="D1") + row(wo="WO-5", serial="D1")
            + row(wo="WO-6", service="fix-it")
            + row(wo="WO-7", priority="P9"))
    with pytest.raises(FileRefused) as refused:
        do_import(catalogue, text, "portal.csv")
    found = {(p.line, p.column) for p in refused.value.problems}
    assert {(3, "model"), (4, "address"), (5, "purchase_date"), (7, "serial"),
            (8, "service_type"), (9, "priority")} <= found
    message = str(refused.value)
    assert "portal.csv was not imported" in message and "nothing was changed" in message
    assert "line 3, model: model NOPE-1 is not in the product catalogue" in message
    assert "serial D1 is already on line 6 of work order WO-5" in message
    assert "第 3 行，model：型号 NOPE-1 不在产品目录中" in refused.value.in_language("zh_CN")
    # Nothing half imported: not even the good first row.
    assert count(catalogue, WorkOrder) == 0
    assert count(catalogue, Customer) == 0


def test_a_refused_file_reads_in_the_screen_language(catalogue: Database) -> None:
    text = (HEADER + row(wo="WO-4", purchase="2026-13-45")
            + row(wo="WO-5", serial="D1") + row(wo="WO-5", serial="D1"))
    with pytest.raises(FileRefused) as refused:
        do_import(catalogue, text, "portal.csv")
    assert str(refused.value).splitlines()[1:] == [
        "  line 2, purchase_date: '2026-13-45' is not a date (use YYYY-MM-DD)",
        "  line 4, serial: serial D1 is already on line 3 of work order WO-5"]
    assert refused.value.in_language("zh_CN").splitlines() == [
        "portal.csv 未导入：发现 2 个问题，未作任何更改。请修正以下各行后重新导入该文件：",
        "  第 2 行，purchase_date：'2026-13-45' 不是日期（请使用 YYYY-MM-DD 格式）",
        "  第 4 行，serial：序列号 D1 已在工单 WO-5 的第 3 行出现"]
    # In Taiwan a spreadsheet row is 列.
    assert refused.value.in_language("zh_TW").splitlines()[2] == (
        "  第 4 列，serial：序號 D1 已在工單 WO-5 的第 3 列出現")


def test_a_problem_without_a_catalogue_key_keeps_its_words_under_a_translated_line() -> None:
    problem = Problem(7, "model", "model X is unknown")
    assert str(problem) == "line 7, model: model X is unknown"
    assert problem.in_language("zh_TW") == "第 7 列，model：model X is unknown"
    assert Problem.of(0, "", "import.no_rows").in_language("zh_CN") == "文件：文件中没有数据行"


@pytest.mark.parametrize(("data", "expected"), [
    (b"\xff\xfe\x00garbage", "is not UTF-8 text"),
    (b"a,b\x00,c\n1,2,3\n", "NUL"),
    (b"{not json", "is not valid JSON"),
    (b"", "the file has no rows"),
    (b"serial,model\nX,Y\n", "missing column(s): work_order"),
    (b'[1, 2]', "each entry must be an object"),
])
def test_unreadable_files_get_a_clear_message(catalogue: Database, data: bytes,
                                              expected: str) -> None:
    with pytest.raises(Exception) as error, catalogue.uow() as uow:
        work_orders.import_work_orders(uow, data, "x.csv")
    assert expected in str(error.value)
    assert count(catalogue, WorkOrder) == 0


def test_an_unknown_work_order_reads_in_the_screen_language(catalogue: Database) -> None:
    with pytest.raises(UserError) as refused, catalogue.uow() as uow:
        work_orders.get_work_order(uow, "WO-404")
    assert str(refused.value) == (
        "There is no work order 'WO-404'. Check the number, or import the work order first.")
    assert refused.value.in_language("zh_CN") == "没有工单 'WO-404'。请核对编号，或先导入该工单。"
    assert refused.value.in_language("zh_TW") == "沒有工單 'WO-404'。請核對編號，或先匯入該工單。"


def test_reimport_updates_what_may_change_but_never_the_return_address(catalogue: Database) -> None:
    do_import(catalogue, HEADER + row())
    changed = (HEADER + row(address="99 Other Street", phone="555", priority="P2",
                            purchase="2026-02-02")
               + row(serial="SN2", address="99 Other Street", phone="555", priority="P2"))
    report = do_import(catalogue, changed)
    assert report.created == []
    assert report.kept_address == ["WO-1"]
    changes = report.updated["WO-1"]
    assert "phone 123 -> 555" in changes and "unit SN2 added" in changes
    assert "SN1 purchase_date 2026-01-02 -> 2026-02-02" in changes
    assert any("rule I3" in line for line in report.lines())
    with catalogue.uow() as uow:
        wo = work_orders.get_work_order(uow, "WO-1")
        assert wo.address == "1 Road"  # rule I3
        assert wo.customer.phone == "555"
        assert sorted(u.serial for u in wo.units) == ["SN1", "SN2"]
        actions = uow.session.scalars(select(AuditEntry.action)).all()
        assert actions.count("work_order.reimport") == 1
    assert do_import(catalogue, changed).unchanged == ["WO-1"]


def test_products_file_refuses_unknown_policy_and_bad_price(database: Database) -> None:
    data = b"model,name,brand,policy,list_price,currency\nA,a,b,nosuch,1,CNY\nB,b,b,jasminer,-3,CNY\n"
    with pytest.raises(FileRefused) as refused, database.uow() as uow:
        work_orders.import_products(uow, data, "p.csv")
    text = str(refused.value)
    assert "line 2, policy: policy 'nosuch' is unknown" in text
    assert "line 3, list_price" in text


def test_large_import_links_every_unit_and_keeps_the_audit_chain(any_catalogue: Database) -> None:
    # Many work orders in one file go in as bulk inserts with ids taken up front.
    text = HEADER + "".join(row(wo=f"BULK-{n // 3:04d}", serial=f"BS{n:05d}",
                                name=f"Cust {n // 3}") for n in range(1_500))
    report = do_import(any_catalogue, text)
    assert len(report.created) == 500
    with any_catalogue.uow() as uow:
        wo = work_orders.get_work_order(uow, "BULK-0499")
        assert wo.customer.name == "Cust 499" and wo.customer.name_folded == "cust 499"
        assert [u.serial for u in wo.units] == ["BS01497", "BS01498", "BS01499"]
        assert wo.units[0].purchase_date.isoformat() == "2026-01-02"
        entries = uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "work_order.import")).all()
        assert len(entries) == 500 and entries[-1].after == {
            "customer": "Cust 499", "units": ["BS01497", "BS01498", "BS01499"]}
        assert audit.verify(uow).ok
    # A second file: new work orders get fresh ids after the first file's.
    do_import(any_catalogue, HEADER + row(wo="BULK-NEXT", serial="BSX"))
    with any_catalogue.uow() as uow:
        assert work_orders.get_work_order(uow, "BULK-NEXT").units[0].serial == "BSX"
        assert audit.verify(uow).ok


def test_reimport_of_many_work_orders_changes_only_what_differs(catalogue: Database) -> None:
    first = HEADER + "".join(row(wo=f"RE-{n}", serial=f"RS{n}") for n in range(50))
    do_import(catalogue, first)
    with catalogue.uow() as uow:
        work_orders.get_work_order(uow, "RE-7").status = WorkOrderStatus.CLOSED
        uow.commit()
    second = HEADER + "".join(row(wo=f"RE-{n}", serial=f"RS{n}", phone="999" if n % 2 else "123",
                                  priority="P1" if n == 3 else "") for n in range(50))
    second += row(wo="RE-7", serial="RS-NEW") + row(wo="RE-8", serial="RS-NEW")
    report = do_import(catalogue, second)
    assert len(report.updated) == 26 and len(report.unchanged) == 24
    assert report.updated["RE-3"] == ["priority - -> P1", "phone 123 -> 999"]
    assert report.updated["RE-8"] == ["unit RS-NEW added"]
    assert "RE-7" in report.updated  # its phone changed; a closed work order takes no new unit
    with catalogue.uow() as uow:
        assert [u.serial for u in work_orders.get_work_order(uow, "RE-7").units] == ["RS7"]
        assert [u.serial for u in work_orders.get_work_order(uow, "RE-8").units] == ["RS8",
                                                                                     "RS-NEW"]
        re3 = work_orders.get_work_order(uow, "RE-3")
        assert re3.priority == "P1" and re3.customer.phone == "999"
        assert work_orders.get_work_order(uow, "RE-4").customer.phone == "123"
        assert audit.verify(uow).ok
