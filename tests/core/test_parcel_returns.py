"""Refused parcels going back to their sender (rule S3): the waiting list, the return, the races."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from core.audit import verify
from core.errors import NotAllowed, UserError
from core.models import AuditEntry, ParcelIntake, Product
from core.services import intake, parcel_returns, work_orders
from core.services.parcel_returns import ReturnRefused
from core.unit_of_work import Actor, Database
from tests.conftest import SAMPLES
from tests.core.test_intake import BENCH
from tests.core.test_shipping import CLERK, OTHER_CLERK
from tests.core.test_work_order_import import HEADER, row


def refused_parcels(database: Database) -> tuple[int, int]:
    """(a parcel refused against WO-1, one that matched no work order)."""
    with database.uow() as uow:
        if not uow.session.scalar(select(func.count()).select_from(Product)):
            work_orders.import_products(uow, (SAMPLES / "products.csv").read_bytes(), "p.csv")
        work_orders.import_work_orders(uow, (HEADER + row(wo="WO-1", serial="SN-1")).encode(),
                                       "wo.csv")
    with database.uow(BENCH) as uow:
        matched = intake.scan(uow, "WO-1").intake_id
    with database.uow(BENCH) as uow:
        intake.refuse_parcel(uow, matched, ["damaged_unit"], "crushed box")
    with database.uow(BENCH) as uow:
        unknown = intake.scan(uow, "NO-SUCH-ORDER").intake_id
    with database.uow(BENCH) as uow:
        intake.close_parcel(uow, unknown, carrier="Deppon", tracking_number="DP0001")
    assert matched is not None and unknown is not None
    return matched, unknown


@pytest.fixture
def returns(catalogue: Database) -> tuple[Database, int, int]:
    return (catalogue, *refused_parcels(catalogue))


def test_refused_parcels_wait_with_their_reasons_and_address(returns) -> None:  # type: ignore[no-untyped-def]
    database, matched, unknown = returns
    with database.uow(BENCH) as uow:  # an accepted parcel never waits for a return
        accepted = intake.scan(uow, "WO-1").intake_id
    with database.read(CLERK) as uow:
        waiting = parcel_returns.waiting_returns(uow)
        assert parcel_returns.count_waiting(uow) == 2
        assert parcel_returns.return_address(uow, matched) == "1 Road, Shenzhen, GD, 518000, CN"
        assert parcel_returns.return_address(uow, unknown) == ""
    assert [w.intake_id for w in waiting] == [matched, unknown]  # the longest waiting first
    assert accepted not in [w.intake_id for w in waiting]
    first, second = waiting
    assert first.work_order_number == "WO-1" and first.reasons == ("damaged_unit",)
    assert first.address == "1 Road, Shenzhen, GD, 518000, CN"
    assert second.work_order_number is None and second.reasons == ("no_work_order",)
    assert (second.carrier, second.tracking_number, second.address) == ("Deppon", "DP0001", "")


def test_return_is_one_audited_change_and_leaves_the_list(returns) -> None:  # type: ignore[no-untyped-def]
    database, matched, unknown = returns
    with database.uow(CLERK) as uow:
        done = parcel_returns.return_to_sender(uow, matched, "SF Express", " SF1234567890 ",
                                               address="ignored: the work order's address wins")
    assert (done.tracking_number, done.address, done.user) == (
        "SF1234567890", "1 Road, Shenzhen, GD, 518000, CN", "sam")
    with database.read() as uow:
        assert [w.intake_id for w in parcel_returns.waiting_returns(uow)] == [unknown]
        assert parcel_returns.count_waiting(uow) == 1
        kept = parcel_returns.returned(uow, matched)
        assert kept is not None and (kept.carrier, kept.tracking_number) == (
            "SF Express", "SF1234567890")
        entry = uow.session.scalars(select(AuditEntry).where(
            AuditEntry.action == "parcel.return_to_sender")).one()
        assert entry.username == "sam" and entry.entity_id == str(matched)
        assert entry.after["tracking_number"] == "SF1234567890"
        # The refusal itself is untouched: reasons, notes, inbound details.
        parcel = uow.session.get_one(ParcelIntake, matched)
        assert parcel.verdict == "refused" and parcel.reasons == ["damaged_unit"]
        assert parcel.notes == "crushed box"
        assert verify(uow).ok


def test_unmatched_parcel_needs_the_address_typed(returns) -> None:  # type: ignore[no-untyped-def]
    database, _, unknown = returns
    with database.uow(CLERK) as uow, pytest.raises(ReturnRefused, match="type the address"):
        parcel_returns.return_to_sender(uow, unknown, "Deppon", "DPX12345678", address="   ")
    with database.uow(CLERK) as uow, pytest.raises(ReturnRefused, match="at most 500"):
        parcel_returns.return_to_sender(uow, unknown, "Deppon", "DPX12345678", address="x" * 501)
    with database.uow(CLERK) as uow:
        done = parcel_returns.return_to_sender(uow, unknown, "Deppon", "DPX12345678",
                                               address="王五\n  上海市 浦东新区 1号 ")
    assert done.address == "王五 上海市 浦东新区 1号"


def test_work_order_without_a_return_address_needs_it_typed(returns) -> None:  # type: ignore[no-untyped-def]
    database, matched, _ = returns
    with database.uow() as uow:  # refused at intake for this very reason (I1)
        uow.session.get_one(ParcelIntake, matched).work_order.city = ""
        uow.commit()
    with database.read(CLERK) as uow:
        assert parcel_returns.waiting_returns(uow)[0].address == ""
        assert parcel_returns.return_address(uow, matched) == ""
    with database.uow(CLERK) as uow, pytest.raises(ReturnRefused, match="type the address"):
        parcel_returns.return_to_sender(uow, matched, "SF Express", "SF1234567890")
    with database.uow(CLERK) as uow:
        done = parcel_returns.return_to_sender(uow, matched, "SF Express", "SF1234567890",
                                               address="1 Road, Shenzhen, 518000, CN")
    assert done.address == "1 Road, Shenzhen, 518000, CN"


@pytest.mark.parametrize("carrier, tracking, message", [
    ("SF Express", "", "not a tracking number"),
    ("SF Express", "SF 123 456", "not a tracking number"),
    ("SF Express", "^XA~JR", None),  # printable: stored as text, never interpreted
    ("", "SF1234567890", "Choose the carrier"),
])
def test_bad_waybills_are_refused_and_nothing_is_stored(
        returns, carrier: str, tracking: str, message: str | None) -> None:  # type: ignore[no-untyped-def]
    database, matched, _ = returns
    if message is None:
        with database.uow(CLERK) as uow:
            assert parcel_returns.return_to_sender(uow, matched, carrier, tracking).tracking_number == tracking
        return
    with database.uow(CLERK) as uow, pytest.raises(ReturnRefused, match=message):
        parcel_returns.return_to_sender(uow, matched, carrier, tracking)
    with database.read() as uow:
        assert parcel_returns.count_waiting(uow) == 2
        assert not uow.session.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "parcel.return_to_sender"))


def test_only_refused_parcels_go_back_and_only_clerks_send_them(returns) -> None:  # type: ignore[no-untyped-def]
    database, matched, _ = returns
    with database.uow(BENCH) as uow:
        accepted = intake.scan(uow, "WO-1").intake_id
    assert accepted is not None
    with database.uow(CLERK) as uow, pytest.raises(ReturnRefused, match="was not refused"):
        parcel_returns.return_to_sender(uow, accepted, "SF Express", "SF1234567890")
    with database.uow(CLERK) as uow, pytest.raises(ReturnRefused, match="There is no parcel 999"):
        parcel_returns.return_to_sender(uow, 999, "SF Express", "SF1234567890")
    with database.uow(BENCH) as uow, pytest.raises(NotAllowed, match="shipping clerk"):
        parcel_returns.return_to_sender(uow, matched, "SF Express", "SF1234567890")


def test_second_return_names_who_sent_it_first(any_database: Database) -> None:
    if any_database.backend == "sqlite":
        pytest.skip("SQLite serialises writers at BEGIN IMMEDIATE: the threaded test covers it")
    matched, _ = refused_parcels(any_database)
    with any_database.uow(CLERK) as first, any_database.uow(OTHER_CLERK) as second:
        # The second clerk's screen read the parcel while it was still waiting.
        seen = parcel_returns.waiting_returns(second)
        assert matched in [w.intake_id for w in seen]
        parcel_returns.return_to_sender(first, matched, "SF Express", "SF1234567890")
        with pytest.raises(ReturnRefused, match=r"already returned to its sender by sam .*"
                                                r"\(SF Express SF1234567890\)") as refused:
            parcel_returns.return_to_sender(second, matched, "KYE", "KY99999999")
    assert "已由 sam" in refused.value.in_language("zh_CN")
    with any_database.read() as uow:
        assert uow.session.scalars(select(ParcelIntake.return_tracking).where(
            ParcelIntake.returned_at.is_not(None))).all() == ["SF1234567890"]


def test_the_database_keeps_a_parcel_from_going_back_twice(
        any_database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Even if both clerks passed the check, the parcel's return key is unique."""
    matched, _ = refused_parcels(any_database)
    with any_database.uow(CLERK) as uow:
        parcel_returns.return_to_sender(uow, matched, "SF Express", "SF1234567890")
    monkeypatch.setattr(parcel_returns, "returned", lambda _uow, _id: None)
    with any_database.uow(OTHER_CLERK) as uow, pytest.raises(ReturnRefused, match="just now"):
        parcel_returns.return_to_sender(uow, matched, "KYE", "KY99999999")
    with any_database.read() as uow:
        assert uow.session.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "parcel.return_to_sender")) == 1


def test_two_clerks_return_at_once_in_threads(any_database: Database) -> None:
    matched, _ = refused_parcels(any_database)
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def clerk(actor: Actor, tracking: str) -> None:
        start.wait()
        try:
            with any_database.uow(actor) as uow:
                parcel_returns.return_to_sender(uow, matched, "SF Express", tracking)
            outcomes.append("returned")
        except UserError as exc:
            outcomes.append(str(exc))

    threads = [threading.Thread(target=clerk, args=(a, t)) for a, t in
               ((CLERK, "SF1111111111"), (OTHER_CLERK, "SF2222222222"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert outcomes.count("returned") == 1, outcomes
    loser = next(o for o in outcomes if o != "returned")
    assert "already returned" in loser or "just now" in loser
    with any_database.read() as uow:
        assert uow.session.scalar(select(func.count()).select_from(ParcelIntake).where(
            ParcelIntake.returned_at.is_not(None))) == 1
