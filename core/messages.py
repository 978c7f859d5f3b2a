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
from collections.abc import Mapping

#: Language codes, as the station's `ui/language` setting stores them. English comes first: it is
#: the wording of record (stored with scans, printed by the command line).
LANGUAGES = ("en", "zh_CN", "zh_TW")
DEFAULT_LANGUAGE = "en"

# Key -> language -> template.
CATALOGUE: dict[str, Mapping[str, str]] = {}

# The modules whose wording the catalogue holds; imported on first use so that asking for a key
# never depends on which module happened to be imported first.
_SOURCES = ("core.policies.explain", "core.intake_rules", "core.services.parcel_returns")


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


def text(key: str, language: str | None, **params: object) -> str:
    """The message `key` in `language`, its fields filled from `params`."""
    return template(key, language).format(**params)


def placeholders(template_text: str) -> set[str]:
    """The names of the fields a template fills, e.g. {"serial", "number"}."""
    return {field.split(".")[0].split("[")[0]
            for _, field, _, _ in string.Formatter().parse(template_text) if field}
