"""Test templates per product category, and pass/fail of a measured value (issue 5).

Pure: no database. Templates live in `resources/test_templates.toml`; a free test (no template)
has no limits and its result is what the technician says.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from importlib import resources

from core.errors import UserError

PASS, FAIL, INFO = "pass", "fail", "info"


@dataclass(frozen=True)
class TestSpec:
    """One test of a template: limits (inclusive, either may be open) or a choice list."""

    __test__ = False  # not a pytest class, despite the name

    name: str
    unit: str = ""
    lower: Decimal | None = None
    upper: Decimal | None = None
    choices: tuple[str, ...] = ()
    passing: tuple[str, ...] = ()
    required: bool = False

    def evaluate(self, value: str) -> str:
        """"pass" or "fail" for `value`; raises `UserError` when it is not a valid entry."""
        text = value.strip()
        if self.choices:
            if text not in self.choices:
                raise UserError(f"{self.name}: {text!r} is not one of {', '.join(self.choices)}.")
            return PASS if text in self.passing else FAIL
        try:
            number = Decimal(text.replace(",", "."))
        except InvalidOperation as exc:
            raise UserError(f"{self.name}: {text!r} is not a number.") from exc
        if not number.is_finite():
            raise UserError(f"{self.name}: {text!r} is not a number.")
        if self.lower is not None and number < self.lower:
            return FAIL
        if self.upper is not None and number > self.upper:
            return FAIL
        return PASS

    def limits_text(self) -> str:
        """"11.6 .. 12.6 V", "<= 1.0 ohm" or the choices, for screens and reports."""
        if self.choices:
            return " / ".join(self.choices)
        if self.lower is not None and self.upper is not None:
            return f"{self.lower} .. {self.upper} {self.unit}".strip()
        if self.upper is not None:
            return f"<= {self.upper} {self.unit}".strip()
        if self.lower is not None:
            return f">= {self.lower} {self.unit}".strip()
        return self.unit


def _number(raw: object, where: str) -> Decimal | None:
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        raise UserError(f"{where}: a limit must be a number.")
    # via str so that 11.6 stays 11.6 and not its binary neighbour
    return Decimal(str(raw))


def parse_templates(text: str, source: str = "test_templates.toml") -> dict[str, tuple[TestSpec, ...]]:
    """Templates by category from TOML text; errors name the file, category and test."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"{source}: {exc}") from exc
    out: dict[str, tuple[TestSpec, ...]] = {}
    for category, tests in data.items():
        if not isinstance(tests, list):
            raise UserError(f"{source}: {category!r} must be a list of [[{category}]] tests.")
        specs = []
        for i, raw in enumerate(tests, 1):
            where = f"{source}: {category} test {i}"
            if not isinstance(raw, Mapping) or not str(raw.get("name", "")).strip():
                raise UserError(f"{where}: every test needs a name.")
            choices = tuple(str(c) for c in raw.get("choices", ()))
            passing = tuple(str(c) for c in raw.get("passing", ()))
            if set(passing) - set(choices):
                raise UserError(f"{where}: 'passing' values must be among the choices.")
            spec = TestSpec(name=str(raw["name"]), unit=str(raw.get("unit", "")),
                            lower=_number(raw.get("lower"), where),
                            upper=_number(raw.get("upper"), where), choices=choices,
                            passing=passing, required=bool(raw.get("required", False)))
            if spec.lower is not None and spec.upper is not None and spec.lower > spec.upper:
                raise UserError(f"{where}: lower limit {spec.lower} is above upper {spec.upper}.")
            specs.append(spec)
        out[category] = tuple(specs)
    return out


@functools.cache
def shipped_templates() -> dict[str, tuple[TestSpec, ...]]:
    """The templates shipped in resources/test_templates.toml."""
    text = (resources.files("resources") / "test_templates.toml").read_text(encoding="utf-8")
    return parse_templates(text)


def template_for(category: str) -> tuple[TestSpec, ...]:
    """The tests of a product category (none: only free tests)."""
    return shipped_templates().get(category, ())


def spec_named(category: str, name: str) -> TestSpec | None:
    return next((t for t in template_for(category) if t.name == name), None)
