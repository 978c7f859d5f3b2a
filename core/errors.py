"""Errors that carry a message for the person at the station, in any language of the screens.

A refusal is raised with a catalogue key and its parameters (`UserError.of("repair.no_unit",
serial=...)`); its text (`str(error)`) is the English wording, which the command line prints and
logs keep, and screens ask `error.in_language(language)`. The wording lives beside the rule that
refuses, added to core.messages by that module.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Self

from core import messages

messages.add({
    "word.or": {"en": " or ", "zh_CN": "或", "zh_TW": "或"},
    "word.list": {"en": ", ", "zh_CN": "、", "zh_TW": "、"},
})


class UserError(Exception):
    """Something the user can fix; the message says what is wrong and what to do."""

    key: str | None = None
    params: Mapping[str, object] = {}

    @classmethod
    def of(cls, key: str, /, **params: object) -> Self:
        """The error whose message is the catalogue's `key` filled with `params`."""
        error = cls(messages.text(key, messages.DEFAULT_LANGUAGE, **params))
        error.key, error.params = key, params
        return error

    def in_language(self, language: str | None) -> str:
        """The message in `language` (English when the error has no catalogue key)."""
        if self.key is None:
            return str(self)
        return messages.text(self.key, language, **self.params)


class NotAllowed(UserError):
    """The action needs a role the signed-in user does not hold."""


class IllegalTransition(UserError):
    """A unit or work order cannot move to the requested state yet."""
