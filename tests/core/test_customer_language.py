"""A customer's document language: imported with the work order, validated, kept on re-import;
the center's default document language is a checked center setting."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from core import center
from core.errors import UserError
from core.import_files import FileRefused
from core.models import Customer, WorkOrder
from core.services import work_orders
from core.unit_of_work import Actor, Database
from tests.core.test_work_order_import import HEADER, do_import, row
from tests.core.test_work_order_import import any_catalogue  # noqa: F401  (fixture)

SUPERVISOR = Actor(username="sue", roles=frozenset({"supervisor"}))
WITH_LANGUAGE = HEADER.rstrip("\n") + ",customer_language\n"


def _row(wo: str, serial: str, language: str) -> str:
    return row(wo=wo, serial=serial).rstrip("\n") + f",{language}\n"


def customer_speaks(database: Database, work_order: str, language: str | None) -> None:
    """Give the customer of `work_order` a document language (None: the center's)."""
    with database.uow() as uow:
        customer = uow.session.scalar(
            select(Customer).join(WorkOrder).where(WorkOrder.number == work_order))
        assert customer is not None
        customer.language = language
        uow.commit()


def _languages(database: Database) -> dict[str, str | None]:
    with database.uow() as uow:
        return dict(uow.session.execute(
            select(WorkOrder.number, Customer.language).join(Customer)).all())


def test_import_stores_each_customers_language(any_catalogue: Database) -> None:  # noqa: F811
    rows = (_row("WO-T", "S1", "zh-TW"), _row("WO-C", "S2", "zh_cn"), _row("WO-E", "S3", "EN"),
            _row("WO-N", "S4", ""))
    do_import(any_catalogue, WITH_LANGUAGE + "".join(rows))
    assert _languages(any_catalogue) == {"WO-T": "zh_TW", "WO-C": "zh_CN", "WO-E": "en",
                                         "WO-N": None}


def test_a_file_without_the_column_imports_as_before(catalogue: Database) -> None:
    do_import(catalogue, HEADER + row())
    assert _languages(catalogue) == {"WO-1": None}


def test_bad_language_refuses_the_file_with_line_and_column(catalogue: Database) -> None:
    with pytest.raises(FileRefused) as refused:
        do_import(catalogue, WITH_LANGUAGE + _row("WO-1", "S1", "zh_TW") + _row("WO-2", "S2", "fr"))
    (problem,) = refused.value.problems
    assert (problem.line, problem.column) == (3, "customer_language")
    assert "'fr'" in str(refused.value) and "zh_CN" in str(refused.value)
    assert _languages(catalogue) == {}  # nothing imported, not even the good row


def test_reimport_changes_the_language_but_an_empty_cell_keeps_it(catalogue: Database) -> None:
    do_import(catalogue, WITH_LANGUAGE + _row("WO-1", "S1", "zh_TW"))
    report = do_import(catalogue, WITH_LANGUAGE + _row("WO-1", "S1", "en"))
    assert any("language zh_TW -> en" in change for change in report.updated["WO-1"])
    do_import(catalogue, WITH_LANGUAGE + _row("WO-1", "S1", ""))
    assert _languages(catalogue) == {"WO-1": "en"}


def test_center_document_language_is_checked_and_stored(database: Database) -> None:
    with pytest.raises(UserError, match="zh_TW"):
        center.check({"center.document_language": "fr"})
    with database.uow() as uow:
        assert center.load(uow).get("center.document_language") == "en"
    with database.uow(SUPERVISOR) as uow:
        center.save(uow, {"center.document_language": "zh_TW"})
    with database.uow() as uow:
        assert center.load(uow).get("center.document_language") == "zh_TW"


def test_json_work_orders_carry_the_language_too(catalogue: Database) -> None:
    order = {"work_order": "WO-J", "customer_name": "陳靜", "address": "1 Road", "city": "台北",
             "country": "TW", "service_type": "repair", "customer_language": "zh_TW",
             "units": [{"serial": "SJ1", "model": "JM-X16-Q"}]}
    with catalogue.uow() as uow:
        work_orders.import_work_orders(uow, json.dumps([order]).encode(), "orders.json")
    assert _languages(catalogue) == {"WO-J": "zh_TW"}
    bad = {**order, "work_order": "WO-K", "customer_language": 7}
    with pytest.raises(FileRefused, match="customer_language"), catalogue.uow() as uow:
        work_orders.import_work_orders(uow, json.dumps([bad]).encode(), "orders.json")
