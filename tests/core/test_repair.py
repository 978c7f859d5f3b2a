"""The repair bench through its services: findings, diagnosis, override, quotes, repair."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from sqlalchemy import select

from core.errors import IllegalTransition, NotAllowed, UserError
from core.models import (
    AuditEntry,
    Diagnosis,
    Finding,
    Part,
    Quote,
    StatusChange,
    Unit,
    UnitStatus,
    WorkOrderStatus,
)
from core.services import repair, repair_quotes
from core.services.repair_quotes import line
from core.unit_of_work import Actor, Database
from tests.core.test_warranty_decisions import make_work_order

TECH = Actor(username="li", station="bench-2", roles=frozenset({"repair"}))
BOSS = Actor(username="zhao", station="office", roles=frozenset({"supervisor"}))
UTC = dt.UTC
MINER_TESTS = [("Hashboard 1 chips detected", "126"), ("Hashboard 2 chips detected", "126"),
               ("Hashboard 3 chips detected", "0"), ("Fan test", "ok"),
               ("PSU output voltage", "12.1")]


def received(db: Database, model: str = "CK-HMI-10", **values: object) -> int:
    with db.uow() as uow:
        wo = make_work_order(uow, "WO-1", model, ["S1"], **values)
        uow.session.add(Part(number="HB-1", name="Hashboard", price=D("1200.00"), currency="CNY"))
        uow.session.add(Part(number="USD-1", name="Imported", price=D("10.00"), currency="USD"))
        uow.commit()
        return wo.units[0].id


def diagnosed(db: Database, cause: str = "product_defect", tests: list[tuple[str, str]] | None = None,
              **values: object) -> tuple[int, repair.DiagnosisOutcome]:
    uid = received(db, **values)
    with db.uow(TECH) as uow:
        repair.start_diagnosis(uow, uid)
    category_tests = tests if tests is not None else [("Touch test", "fail")]
    for name, value in category_tests:
        with db.uow(TECH) as uow:
            repair.record_finding(uow, uid, name, value)
    with db.uow(TECH) as uow:
        return uid, repair.record_diagnosis(uow, uid, cause)


def status(db: Database, uid: int) -> UnitStatus:
    with db.uow() as uow:
        return uow.session.get(Unit, uid).status


def test_covered_unit_walks_to_ready_to_ship(catalogue: Database) -> None:
    uid, outcome = diagnosed(catalogue)
    assert (outcome.decision, outcome.next_step) == ("covered", "repair")
    with catalogue.uow(TECH) as uow:
        with pytest.raises(UserError, match="covered by warranty"):
            repair_quotes.save_quote(uow, uid, [line("labour", "x", 1, "10")])
    for step in (repair.start_repair, repair.finish_repair, repair.finish_testing):
        with catalogue.uow(TECH) as uow:
            step(uow, uid)
    assert status(catalogue, uid) == UnitStatus.READY_TO_SHIP
    with catalogue.uow() as uow:
        moves = [(c.from_status, c.to_status, c.user_id is None, c.station) for c in
                 uow.session.scalars(select(StatusChange).where(StatusChange.unit_id == uid)
                                     .order_by(StatusChange.id))]
        assert [m[:2] for m in moves] == [("received", "in_diagnosis"), ("in_diagnosis", "in_repair"),
                                          ("in_repair", "testing"), ("testing", "ready_to_ship")]
        assert {m[3] for m in moves} == {"bench-2"}
        unit = uow.session.get(Unit, uid)
        assert unit.work_order.status == WorkOrderStatus.IN_PROGRESS
        actions = list(uow.session.scalars(select(AuditEntry.action).where(
            AuditEntry.work_order_id == unit.work_order_id)))
        assert actions.count("unit.status") == 4 and "diagnosis.record" in actions


def test_findings_against_limits_and_free_tests(catalogue: Database) -> None:
    uid = received(catalogue, model="JM-X16-Q")
    with catalogue.uow(TECH) as uow:
        with pytest.raises(UserError, match="in diagnosis, repair or testing"):
            repair.record_finding(uow, uid, "Fan test", "ok")
        repair.start_diagnosis(uow, uid)
    with catalogue.uow(TECH) as uow:
        with pytest.raises(UserError, match="Enter the required tests first: Hashboard 1") as missing:
            repair.record_diagnosis(uow, uid, "product_defect")
    # The missing tests by their template names in the screen's language, listed as it lists.
    assert missing.value.in_language("zh_CN").startswith("请先录入必做的测试：1号算力板芯片数、")
    assert "、2號算力板晶片數、" in missing.value.in_language("zh_TW")
    for name, value in MINER_TESTS:
        with catalogue.uow(TECH) as uow:
            repair.record_finding(uow, uid, name, value)
    with catalogue.uow(TECH) as uow:
        with pytest.raises(UserError, match="is a fail by the limits"):
            repair.record_finding(uow, uid, "PSU output voltage", "13.0", result="pass")
        with pytest.raises(UserError, match="free test"):
            repair.record_finding(uow, uid, "Smell", "burnt")
        repair.record_finding(uow, uid, "Smell", "burnt", result="info", notes="near PSU",
                              attachments=[("psu.jpg", b"\xff\xd8")])
    with catalogue.uow() as uow:
        rows = {f.test_name: (f.result, f.measure_unit, f.lower_limit) for f in
                uow.session.scalars(select(Finding).where(Finding.unit_id == uid))}
    assert rows["Hashboard 3 chips detected"] == ("fail", "chips", D(126))
    assert rows["PSU output voltage"] == ("pass", "V", D("11.6"))
    assert rows["Smell"] == ("info", "", None)


def test_out_of_warranty_quote_accept_then_repair(catalogue: Database) -> None:
    # Purchased 2025-01-10, received 2026-06-01: W4's 180 days are long over.
    uid, outcome = diagnosed(catalogue, purchase_date=dt.date(2025, 1, 10))
    assert (outcome.decision, outcome.next_step) == ("not_covered", "quote")
    with catalogue.uow(TECH) as uow:
        with pytest.raises(IllegalTransition, match="send a quote"):
            repair.start_repair(uow, uid)
    with catalogue.uow(TECH) as uow:
        with pytest.raises(UserError, match="priced in USD"):
            repair_quotes.save_quote(uow, uid, [repair_quotes.part_line(uow, "USD-1")])
    with catalogue.uow(TECH) as uow:
        q1 = repair_quotes.save_quote(uow, uid, [repair_quotes.part_line(uow, "HB-1", 1, 0, 13),
                                                 line("labour", "Labour", "1.5", "80", 0, 6)])
        assert repair_quotes.quote_totals(q1).total == D("1483.20")
    with catalogue.uow(TECH) as uow:
        repair_quotes.send_quote(uow, q1.id)
    assert status(catalogue, uid) == UnitStatus.QUOTE_SENT
    with catalogue.uow(TECH) as uow:
        # Sent is frozen: a change is version 2, the first stays as sent until v2 goes out.
        q2 = repair_quotes.save_quote(uow, uid, [line("labour", "Labour", "2", "80", "10")])
        assert q2.version == 2 and q2.id != q1.id
    with catalogue.uow(TECH) as uow:
        with pytest.raises(UserError, match="already sent"):
            repair_quotes.send_quote(uow, q1.id)
        repair_quotes.send_quote(uow, q2.id)
    accepted_at = dt.datetime(2026, 6, 5, 2, tzinfo=UTC)
    with catalogue.uow(TECH) as uow:
        with pytest.raises(UserError, match="only the quote that was sent last"):
            repair_quotes.record_customer_answer(uow, q1.id, "accepted", channel="phone")
        repair_quotes.record_customer_answer(uow, q2.id, "accepted", channel="phone",
                                             answered_at=accepted_at)
    with catalogue.uow() as uow:
        versions = {q.version: q.status for q in uow.session.scalars(select(Quote))}
        assert versions == {1: "superseded", 2: "accepted"}
        unit = uow.session.get(Unit, uid)
        assert unit.status == UnitStatus.QUOTE_ACCEPTED
        assert unit.customer_accepted_at == accepted_at
        from core.services.warranty_decisions import deadlines_for

        assert [(d.rule, d.due) for d in deadlines_for(uow, "WO-1")] == [
            ("D2", dt.date(2026, 6, 10))]
    with catalogue.uow(TECH) as uow:
        repair.start_repair(uow, uid)
    assert status(catalogue, uid) == UnitStatus.IN_REPAIR


def test_declined_quote_goes_back_unrepaired(catalogue: Database) -> None:
    uid, _ = diagnosed(catalogue, purchase_date=dt.date(2025, 1, 10))
    with catalogue.uow(TECH) as uow:
        q = repair_quotes.save_quote(uow, uid, [line("labour", "Labour", 1, 80)])
        repair_quotes.send_quote(uow, q.id)
    with catalogue.uow(TECH) as uow:
        repair_quotes.record_customer_answer(uow, q.id, "declined", channel="email")
    assert status(catalogue, uid) == UnitStatus.RETURN_UNREPAIRED
    with catalogue.uow(TECH) as uow:
        repair.transition(uow, uid, UnitStatus.READY_TO_SHIP, "sent back as it is")
    assert status(catalogue, uid) == UnitStatus.READY_TO_SHIP


def test_expired_quote_cannot_be_accepted(catalogue: Database) -> None:
    uid, _ = diagnosed(catalogue, purchase_date=dt.date(2025, 1, 10))
    with catalogue.uow(TECH) as uow:
        q = repair_quotes.save_quote(uow, uid, [line("labour", "Labour", 1, 80)],
                                     valid_until=dt.date(2026, 6, 10))
        repair_quotes.send_quote(uow, q.id)
    with catalogue.uow(TECH) as uow:
        with pytest.raises(UserError, match="valid until 2026-06-10"):
            repair_quotes.record_customer_answer(
                uow, q.id, "accepted", channel="phone",
                answered_at=dt.datetime(2026, 6, 10, 16, 30, tzinfo=UTC))  # 06-11 in Shanghai


def test_jetharness_recommends_replacement_instead_of_quote(catalogue: Database) -> None:
    uid, outcome = diagnosed(catalogue, model="JH-USB-C-2M", cause="user_damage", tests=[
        ("Continuity pin 1", "0.2"), ("Continuity pin 2", "0.2"), ("Continuity pin 3", "9"),
        ("Continuity pin 4", "0.2"), ("Insulation resistance", "500")])
    assert (outcome.decision, outcome.next_step) == ("not_covered", "recommend_replacement")
    with catalogue.uow(TECH) as uow:
        with pytest.raises(UserError, match="W1"):
            repair_quotes.save_quote(uow, uid, [line("labour", "x", 1, 1)])
    with catalogue.uow(TECH) as uow:
        repair.transition(uow, uid, UnitStatus.REPLACEMENT, "customer ordered a new assembly")
    with catalogue.uow(TECH) as uow:
        with pytest.raises(IllegalTransition, match="replacement's serial"):
            repair.transition(uow, uid, UnitStatus.READY_TO_SHIP)
    with catalogue.uow(TECH) as uow:
        repair.record_repair_action(uow, uid, "New assembly", new_serial="S1-NEW")
        repair.transition(uow, uid, UnitStatus.READY_TO_SHIP)
    with catalogue.uow() as uow:
        history = repair.replacement_history(uow, "S1")
        assert [(a.old_serial, a.new_serial) for a in history] == [("S1", "S1-NEW")]
        assert repair.replacement_history(uow, "S1-NEW") == history


def test_part_replacement_serials_and_parts_list(catalogue: Database) -> None:
    uid, _ = diagnosed(catalogue)
    with catalogue.uow(TECH) as uow:
        repair.start_repair(uow, uid)
    with catalogue.uow(TECH) as uow:
        with pytest.raises(UserError, match="not in the parts list"):
            repair.record_repair_action(uow, uid, "x", part_number="NOPE")
        with pytest.raises(UserError, match="must differ"):
            repair.record_repair_action(uow, uid, "x", old_serial="A", new_serial="A")
        action = repair.record_repair_action(uow, uid, "Hashboard swapped", part_number="HB-1",
                                             old_serial="HB-OLD", new_serial="HB-NEW")
        assert action.part is not None and action.part.number == "HB-1"
    with catalogue.uow() as uow:
        assert [a.old_serial for a in repair.replacement_history(uow, "HB-NEW")] == ["HB-OLD"]


def test_override_needs_supervisor_and_reason_and_is_audited(catalogue: Database) -> None:
    uid, outcome = diagnosed(catalogue, purchase_date=dt.date(2025, 1, 10))
    with catalogue.uow(TECH) as uow:
        with pytest.raises(NotAllowed):
            repair.override_decision(uow, uid, "covered", "goodwill")
    with catalogue.uow(BOSS) as uow:
        with pytest.raises(UserError, match="needs a reason"):
            repair.override_decision(uow, uid, "covered", "  ")
        repair.override_decision(uow, uid, "covered", "Goodwill for a key account")
    with catalogue.uow() as uow:
        d = uow.session.scalars(select(Diagnosis)).one()
        assert (d.decision, d.effective_decision) == ("not_covered", "covered")
        entry = uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "diagnosis.override")).one()
        assert entry.username == "zhao" and entry.after["reason"] == "Goodwill for a key account"
    with catalogue.uow(TECH) as uow:
        repair.start_repair(uow, uid)  # the override opens the covered path
    assert status(catalogue, uid) == UnitStatus.IN_REPAIR


def test_irreparable_goes_back_unrepaired(catalogue: Database) -> None:
    uid = received(catalogue)
    with catalogue.uow(TECH) as uow:
        repair.start_diagnosis(uow, uid)
        repair.record_finding(uow, uid, "Touch test", "fail")
    with catalogue.uow(TECH) as uow:
        out = repair.record_diagnosis(uow, uid, "product_defect", irreparable=True)
    assert out.next_step == "return_unrepaired"
    with catalogue.uow(TECH) as uow:
        with pytest.raises(IllegalTransition, match="irreparable"):
            repair.start_repair(uow, uid)
    with catalogue.uow(TECH) as uow:
        repair.transition(uow, uid, UnitStatus.RETURN_UNREPAIRED)
    assert status(catalogue, uid) == UnitStatus.RETURN_UNREPAIRED


def test_technician_roles_are_checked(catalogue: Database) -> None:
    uid = received(catalogue)
    intake_only = Actor(username="ann", roles=frozenset({"intake"}))
    with catalogue.uow(intake_only) as uow:
        with pytest.raises(NotAllowed, match="repair technician"):
            repair.start_diagnosis(uow, uid)
    assert status(catalogue, uid) == UnitStatus.RECEIVED


def test_diagnosis_stores_decision_and_explanation(catalogue: Database) -> None:
    uid, _ = diagnosed(catalogue, cause="logistics_damage")
    with catalogue.uow() as uow:
        d = uow.session.scalars(select(Diagnosis).where(Diagnosis.unit_id == uid)).one()
        assert d.exclusions == ["logistics_damage"] and d.decision == "not_covered"
        assert d.rule == "I4" and d.start_date == dt.date(2026, 1, 10)
        en, simplified, traditional = d.explanation.split("\n")
        assert "I4" in en and simplified and traditional and simplified != en


def test_service_record_shows_the_warranty_decision_and_override(catalogue: Database) -> None:
    from core.services import service_record

    uid, _outcome = diagnosed(catalogue)
    with catalogue.uow() as uow:
        text = service_record.load(uow, "WO-1").as_text()
    assert "warranty: covered." in text
    with catalogue.uow(BOSS) as uow:
        repair.override_decision(uow, uid, "not_covered", "label torn, seen on photo")
    with catalogue.uow() as uow:
        text = service_record.load(uow, "WO-1").as_text()
    assert "warranty: not covered (overridden: label torn, seen on photo)" in text


def test_bench_refusals_read_in_chinese_with_states_and_results_translated(
        catalogue: Database) -> None:
    uid = received(catalogue, model="JM-X16-Q")
    with catalogue.uow(TECH) as uow:
        with pytest.raises(UserError) as refused:
            repair.record_finding(uow, uid, "Fan test", "ok")
    assert refused.value.in_language("zh_CN") == (
        "只有设备处于检测、维修或测试阶段时才能记录测试；S1 当前为“已收货”。")
    assert refused.value.in_language("zh_TW") == (
        "只有設備處於檢測、維修或測試階段時才能記錄測試；S1 目前為「已收貨」。")
    with catalogue.uow(TECH) as uow:
        repair.start_diagnosis(uow, uid)
    with catalogue.uow(TECH) as uow:
        with pytest.raises(UserError) as refused:
            repair.record_finding(uow, uid, "PSU output voltage", "13.0", result="pass")
    assert str(refused.value) == (
        "PSU output voltage: 13.0 V is a fail by the limits (11.6 .. 12.6 V), not a pass.")
    assert refused.value.in_language("zh_CN") == (
        "PSU output voltage：13.0 V 按限值（11.6 .. 12.6 V）应判为不合格，而不是合格。")
    assert refused.value.in_language("zh_TW") == (
        "PSU output voltage：13.0 V 依限值（11.6 .. 12.6 V）應判為不合格，而不是合格。")


def test_quote_refusals_read_in_chinese(catalogue: Database) -> None:
    uid, _ = diagnosed(catalogue)
    with catalogue.uow(TECH) as uow:
        with pytest.raises(UserError) as refused:
            repair_quotes.save_quote(uow, uid, [line("labour", "x", 1, "10")])
    assert refused.value.in_language("zh_CN") == "S1 在保修范围内：无需报价，直接维修。"
    assert refused.value.in_language("zh_TW") == "S1 在保固範圍內：無需報價，直接維修。"
    with pytest.raises(UserError) as refused:
        line("labour", "x", "many", "10")
    assert str(refused.value) == "Quantity 'many' is not a number."
    assert refused.value.in_language("zh_CN") == "数量 'many' 不是数字。"
    assert refused.value.in_language("zh_TW") == "數量 'many' 不是數字。"
