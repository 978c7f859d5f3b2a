"""Shared fixtures: the four presets, UTC+8, and a unit factory."""

from __future__ import annotations

import datetime as dt

import pytest

from core.policies import UnitFacts, load_preset
from core.policies.schema import Policy

CST = dt.timezone(dt.timedelta(hours=8))
D = dt.date


@pytest.fixture(params=["changkong", "jasminer", "jetharness", "jomplair"])
def any_policy(request: pytest.FixtureRequest) -> Policy:
    return load_preset(request.param)


def unit(code: str, **kw: object) -> UnitFacts:
    """A unit of policy `code` with just the given facts."""
    return UnitFacts(serial=kw.pop("serial", "SN1"), model="M1", policy_code=code, **kw)  # type: ignore[arg-type]
