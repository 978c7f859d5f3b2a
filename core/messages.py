"""The words core shows people, in every language of the screens, in one catalogue.

Each module keeps its wording beside its rules and adds it here (policy decisions in
core.policies.explain, the intake bench's reasons and verdicts in core.intake_rules); screens and
reports ask `text(key, language, **params)`. Templates use `str.format` fields, and every language
of a key names the same fields, so any language renders from the same parameters. No Qt here: the
screens pass their language code.
"""

from __future__ import annotations

import importlib
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

#: Language codes, as the station's `ui/language` setting stores them. English comes first: it is
#: the wording of record (stored with scans, printed by the command line).
LANGUAGES = ("en", "zh_CN", "zh_TW")
DEFAULT_LANGUAGE = "en"

# Key -> language -> template.
CATALOGUE: dict[str, Mapping[str, str]] = {}

# The modules whose wording the catalogue holds; imported on first use so that asking for a key
# never depends on which module happened to be imported first.
_SOURCES = (
    "core.policies.explain", "core.intake_rules", "core.errors", "core.permissions",
    "core.workflow", "core.services.parcel_returns",
    "core.services.repair", "core.services.repair_quotes", "core.quotes", "core.findings",
    "core.services.warranty_decisions", "core.services.users", "core.services.shipping",
    "core.services.payments", "core.services.work_order_events", "core.services.attachments",
    "core.services.intake", "core.services.work_orders", "core.services.policies",
    "core.services.dashboard", "core.policies.calendar", "core.import_files", "core.db",
    "core.center", "core.audit_checkpoints", "core.policies.file_problems",
    "core.policies.schema", "core.policies.deadlines",
    "core.policies.presets",
)


@dataclass(frozen=True)
class Phrase:
    """Words that are translated where they are shown, not where they are made: a message's
    parameter can be a Phrase (a state's name, a role, an action), rendered in the message's
    language."""

    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    def in_language(self, language: str | None) -> str:
        return text(self.key, language, **self.params)


@dataclass(frozen=True)
class Choices:
    """Several phrases read as alternatives ("a or b", "a或b")."""

    phrases: tuple[Phrase, ...]

    def in_language(self, language: str | None) -> str:
        return template("word.or", language).join(p.in_language(language) for p in self.phrases)


def choices(phrases: Iterable[Phrase]) -> Choices:
    return Choices(tuple(phrases))


def add(entries: Mapping[str, Mapping[str, str]]) -> None:
    """Add a module's wording; a key may be defined once only."""
    for key, texts in entries.items():
        if key in CATALOGUE and CATALOGUE[key] is not texts:
            raise ValueError(f"message {key!r} is defined twice")
        CATALOGUE[key] = texts


def catalogue() -> dict[str, Mapping[str, str]]:
    """Every message of every contributing module."""
    for name in _SOURCES:
        importlib.import_module(name)
    return CATALOGUE


def language_or_default(language: str | None) -> str:
    """`language` when the catalogue speaks it, else English."""
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def template(key: str, language: str | None) -> str:
    """The template of `key` in `language` (English when that language lacks it).

    Raises:
        KeyError: No module defines `key`.
    """
    texts = CATALOGUE.get(key) or catalogue()[key]
    return texts.get(language_or_default(language)) or texts[DEFAULT_LANGUAGE]


class Translatable(Protocol):
    """A parameter that words itself in the message's language (Phrase, Choices, a template
    test's name...)."""

    def in_language(self, language: str | None) -> str: ...


def text(key: str, language: str | None, /, **params: object) -> str:
    """The message `key` in `language`, its fields filled from `params` (a Translatable among
    them is put in the same language)."""
    shown = {name: _in(value, language) for name, value in params.items()}
    return template(key, language).format(**shown)


def _in(value: object, language: str | None) -> object:
    # Plain values first: this runs for every field of every message a scan words.
    if isinstance(value, str | int | float):
        return value
    words = getattr(value, "in_language", None)
    return words(language) if callable(words) else value


@dataclass(frozen=True)
class Listed:
    """Several words read as a list ("a, b" / "a、b"), each translated if it can be."""

    items: tuple[object, ...]

    def in_language(self, language: str | None) -> str:
        return template("word.list", language).join(
            str(_in(item, language)) for item in self.items)


def placeholders(template_text: str) -> set[str]:
    """The names of the fields a template fills, e.g. {"serial", "number"}."""
    return {field.split(".")[0].split("[")[0]
            for _, field, _, _ in string.Formatter().parse(template_text) if field}
