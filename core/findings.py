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

from core import messages
from core.errors import UserError

PASS, FAIL, INFO = "pass", "fail", "info"

messages.add({
    "findings.result.pass": {"en": "pass", "zh_CN": "合格", "zh_TW": "合格"},
    "findings.result.fail": {"en": "fail", "zh_CN": "不合格", "zh_TW": "不合格"},
    "findings.result.info": {"en": "info", "zh_CN": "仅供参考", "zh_TW": "僅供參考"},
    "findings.not_a_choice": {
        "en": "{test}: {value!r} is not one of {choices}.",
        "zh_CN": "{test}：{value!r} 不是可选值（{choices}）之一。",
        "zh_TW": "{test}：{value!r} 不是可選值（{choices}）之一。",
    },
    "findings.not_a_number": {
        "en": "{test}: {value!r} is not a number.",
        "zh_CN": "{test}：{value!r} 不是数字。",
        "zh_TW": "{test}：{value!r} 不是數字。",
    },
    # Template file errors name the file, the category and the test's position in it.
    "findings.bad_file": {
        "en": "{source}: {error}",
        "zh_CN": "{source} 格式有误：{error}",
        "zh_TW": "{source} 格式有誤：{error}",
    },
    "findings.not_a_list": {
        "en": "{source}: {category!r} must be a list of [[{category}]] tests.",
        "zh_CN": "{source}：{category!r} 必须是 [[{category}]] 测试项的列表。",
        "zh_TW": "{source}：{category!r} 必須是 [[{category}]] 測試項目的清單。",
    },
    "findings.no_name": {
        "en": "{source}: {category} test {number}: every test needs a name.",
        "zh_CN": "{source}：{category} 第 {number} 项测试：每项测试都需要名称。",
        "zh_TW": "{source}：{category} 第 {number} 項測試：每項測試都需要名稱。",
    },
    "findings.passing_not_a_choice": {
        "en": "{source}: {category} test {number}: 'passing' values must be among the choices.",
        "zh_CN": "{source}：{category} 第 {number} 项测试：'passing' 的值必须在 choices 之中。",
        "zh_TW": "{source}：{category} 第 {number} 項測試：'passing' 的值必須在 choices 之中。",
    },
    "findings.limit_not_a_number": {
        "en": "{source}: {category} test {number}: a limit must be a number.",
        "zh_CN": "{source}：{category} 第 {number} 项测试：限值必须是数字。",
        "zh_TW": "{source}：{category} 第 {number} 項測試：限值必須是數字。",
    },
    "findings.limits_reversed": {
        "en": "{source}: {category} test {number}: lower limit {lower} is above upper {upper}.",
        "zh_CN": "{source}：{category} 第 {number} 项测试：下限 {lower} 高于上限 {upper}。",
        "zh_TW": "{source}：{category} 第 {number} 項測試：下限 {lower} 高於上限 {upper}。",
    },
    "findings.translation_not_text": {
        "en": "{source}: {category} test {number}: {field} must be text.",
        "zh_CN": "{source}：{category} 第 {number} 项测试：{field} 必须是文字。",
        "zh_TW": "{source}：{category} 第 {number} 項測試：{field} 必須是文字。",
    },
    "findings.translation_count": {
        "en": "{source}: {category} test {number}: {field} must give one text per choice "
              "({count}).",
        "zh_CN": "{source}：{category} 第 {number} 项测试：{field} 必须为每个可选值各给一个译文"
                 "（共 {count} 个）。",
        "zh_TW": "{source}：{category} 第 {number} 項測試：{field} 必須為每個可選值各給一個譯文"
                 "（共 {count} 個）。",
    },
})

# A language's wording of a test, then the languages that stand in for it: Simplified Chinese
# serves a Taiwan reader better than English (as in `core.policies.explain`).
_FALLBACK: dict[str, tuple[str, ...]] = {
    "zh_TW": ("zh_TW", "zh_CN"),
    "zh_CN": ("zh_CN",),
}


def result_phrase(result: str) -> messages.Phrase | str:
    """A test result ("pass", "fail", "info") in the language of the message it is put in;
    anything else (a result nobody defined) as it was given."""
    return messages.Phrase(f"findings.result.{result}") if result in (PASS, FAIL, INFO) else result


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
    # Chinese names and choices (parallel to `choices`); empty when the template gives none.
    name_zh_CN: str = ""
    name_zh_TW: str = ""
    choices_zh_CN: tuple[str, ...] = ()
    choices_zh_TW: tuple[str, ...] = ()

    def in_language(self, language: str | None) -> str:
        """The test's name, as a message parameter (core.messages.Translatable)."""
        return self.name_in(language)

    def name_in(self, language: str | None) -> str:
        """The test's name in `language` (zh_TW falls back to zh_CN, then English)."""
        for lang in _FALLBACK.get(language or "en", ()):
            if text := getattr(self, f"name_{lang}"):
                return str(text)
        return self.name

    def choice_in(self, value: str, language: str | None) -> str:
        """A choice (its English value) in `language`; a value not among the choices as given."""
        if value not in self.choices:
            return value
        index = self.choices.index(value)
        for lang in _FALLBACK.get(language or "en", ()):
            if translated := getattr(self, f"choices_{lang}"):
                return str(translated[index])
        return value

    def evaluate(self, value: str) -> str:
        """"pass" or "fail" for `value`; raises `UserError` when it is not a valid entry."""
        text = value.strip()
        if self.choices:
            if text not in self.choices:
                raise UserError.of("findings.not_a_choice", test=self.name, value=text,
                                   choices=", ".join(self.choices))
            return PASS if text in self.passing else FAIL
        try:
            number = Decimal(text.replace(",", "."))
        except InvalidOperation as exc:
            raise UserError.of("findings.not_a_number", test=self.name, value=text) from exc
        if not number.is_finite():
            raise UserError.of("findings.not_a_number", test=self.name, value=text)
        if self.lower is not None and number < self.lower:
            return FAIL
        if self.upper is not None and number > self.upper:
            return FAIL
        return PASS

    def limits_text(self, language: str | None = "en") -> str:
        """"11.6 .. 12.6 V", "<= 1.0 ohm" or the choices (in `language`), for screens and
        reports."""
        if self.choices:
            return " / ".join(self.choice_in(c, language) for c in self.choices)
        if self.lower is not None and self.upper is not None:
            return f"{self.lower} .. {self.upper} {self.unit}".strip()
        if self.upper is not None:
            return f"<= {self.upper} {self.unit}".strip()
        if self.lower is not None:
            return f">= {self.lower} {self.unit}".strip()
        return self.unit


@dataclass(frozen=True)
class _Where:
    """A test's place in a template file, as its refusals name it."""

    source: str
    category: str
    number: int


def _number(raw: object, where: _Where) -> Decimal | None:
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        raise UserError.of("findings.limit_not_a_number", source=where.source,
                           category=where.category, number=where.number)
    # via str so that 11.6 stays 11.6 and not its binary neighbour
    return Decimal(str(raw))


def _text(raw: Mapping[str, object], field: str, where: _Where) -> str:
    value = raw.get(field, "")
    if not isinstance(value, str):
        raise UserError.of("findings.translation_not_text", source=where.source,
                           category=where.category, number=where.number, field=field)
    return value.strip()


def _choice_texts(raw: Mapping[str, object], field: str, choices: tuple[str, ...],
                  where: _Where) -> tuple[str, ...]:
    """A translation of the choices: none, or one non-empty text per choice, in their order."""
    value = raw.get(field)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise UserError.of("findings.translation_not_text", source=where.source,
                           category=where.category, number=where.number, field=field)
    if len(value) != len(choices):
        raise UserError.of("findings.translation_count", source=where.source,
                           category=where.category, number=where.number, field=field,
                           count=len(choices))
    return tuple(v.strip() for v in value)


def parse_templates(text: str, source: str = "test_templates.toml") -> dict[str, tuple[TestSpec, ...]]:
    """Templates by category from TOML text; errors name the file, category and test."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UserError.of("findings.bad_file", source=source, error=exc) from exc
    out: dict[str, tuple[TestSpec, ...]] = {}
    for category, tests in data.items():
        if not isinstance(tests, list):
            raise UserError.of("findings.not_a_list", source=source, category=category)
        specs = []
        for i, raw in enumerate(tests, 1):
            where = _Where(source, category, i)
            if not isinstance(raw, Mapping) or not str(raw.get("name", "")).strip():
                raise UserError.of("findings.no_name", source=source, category=category, number=i)
            choices = tuple(str(c) for c in raw.get("choices", ()))
            passing = tuple(str(c) for c in raw.get("passing", ()))
            if set(passing) - set(choices):
                raise UserError.of("findings.passing_not_a_choice", source=source,
                                   category=category, number=i)
            spec = TestSpec(name=str(raw["name"]), unit=str(raw.get("unit", "")),
                            lower=_number(raw.get("lower"), where),
                            upper=_number(raw.get("upper"), where), choices=choices,
                            passing=passing, required=bool(raw.get("required", False)),
                            name_zh_CN=_text(raw, "zh_CN", where),
                            name_zh_TW=_text(raw, "zh_TW", where),
                            choices_zh_CN=_choice_texts(raw, "choices_zh_CN", choices, where),
                            choices_zh_TW=_choice_texts(raw, "choices_zh_TW", choices, where))
            if spec.lower is not None and spec.upper is not None and spec.lower > spec.upper:
                raise UserError.of("findings.limits_reversed", source=source, category=category,
                                   number=i, lower=spec.lower, upper=spec.upper)
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
    """A category's test by its English name, the one findings store."""
    return next((t for t in template_for(category) if t.name == name), None)
