"""Property tests: a later receipt never turns "not covered" into "covered" without an extension."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from core.policies import UnitFacts, load_preset, warranty

POLICIES = {code: load_preset(code) for code in ("changkong", "jasminer", "jetharness", "jomplair")}
SETTINGS = {"jasminer.warranty_months": "12", "jomplair.warranty_months": "18"}
EXCLUSION_CODES = ["water", "drop", "torn_label", "logistics_damage", "wear", "counterfeit", "misuse"]

dates = st.dates(min_value=dt.date(2018, 1, 1), max_value=dt.date(2030, 12, 31))
maybe_dates = st.none() | dates


@st.composite
def facts(draw: st.DrawFn) -> UnitFacts:
    code = draw(st.sampled_from(sorted(POLICIES)))
    return UnitFacts(
        serial="SN",
        model="M",
        policy_code=code,
        purchase_date=draw(maybe_dates),
        proof_of_purchase=draw(st.booleans()),
        factory_date=draw(maybe_dates),
        delivered_date=draw(maybe_dates),
        received_on=draw(dates),
        requested_on=draw(maybe_dates),
        exclusions=frozenset(draw(st.lists(st.sampled_from(EXCLUSION_CODES), max_size=2))),
        has_order_number=draw(st.booleans()),
        serial_matches_product=True,
        carrier_delay_days=draw(st.integers(0, 30)),
    )


@settings(max_examples=400, deadline=None)
@given(facts(), st.integers(min_value=1, max_value=2000))
def test_later_receipt_never_turns_not_covered_into_covered(f: UnitFacts, later_by: int) -> None:
    policy = POLICIES[f.policy_code]
    assert f.received_on is not None
    before = warranty(policy, f, SETTINGS)
    later = f.__class__(**{**f.__dict__, "received_on": f.received_on + dt.timedelta(days=later_by)})
    after = warranty(policy, later, SETTINGS)
    if before.status == "not_covered":
        assert after.status == "not_covered"


@settings(max_examples=300, deadline=None)
@given(facts())
def test_missing_dates_never_give_covered(f: UnitFacts) -> None:
    stripped = f.__class__(**{**f.__dict__, "purchase_date": None, "factory_date": None, "delivered_date": None})
    decision = warranty(POLICIES[f.policy_code], stripped, SETTINGS)
    assert decision.status in ("cannot_tell", "not_covered")
    if decision.status == "cannot_tell":
        assert decision.missing


@settings(max_examples=300, deadline=None)
@given(facts())
def test_every_decision_is_explained_in_both_languages(f: UnitFacts) -> None:
    d = warranty(POLICIES[f.policy_code], f, SETTINGS)
    assert d.explanation["en"] and d.explanation["zh_CN"]
    assert d.rule in d.explanation["en"]
    assert (d.start is None or d.end is None) or d.start <= d.end
