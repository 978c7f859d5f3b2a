"""The vendor presets shipped in `resources/policies/` and a center's own policy files."""

from __future__ import annotations

import functools
from importlib import resources

from core import messages
from core.errors import UserError
from core.policies.schema import Policy, parse_policy_text

messages.add({
    "preset.unknown": {
        "en": "no policy preset {code!r}; known presets: {known}",
        "zh_CN": "没有政策预设 {code!r}；现有预设：{known}",
        "zh_TW": "沒有政策預設 {code!r}；現有預設：{known}",
    },
    "preset.code_not_file_name": {
        "en": "policy file {name}: key code: must be {code!r} like the file name",
        "zh_CN": "政策文件 {name}：键 code：必须与文件名一致，应为 {code!r}",
        "zh_TW": "政策檔案 {name}：鍵 code：必須與檔名一致，應為 {code!r}",
    },
})

_PACKAGE = "resources"
_FOLDER = "policies"


def _folder() -> resources.abc.Traversable:
    return resources.files(_PACKAGE).joinpath(_FOLDER)


def list_presets() -> list[str]:
    """Codes of the shipped presets, sorted (e.g. ["changkong", "jasminer", ...])."""
    return sorted(
        entry.name.removesuffix(".toml")
        for entry in _folder().iterdir()
        if entry.is_file() and entry.name.endswith(".toml")
    )


@functools.lru_cache(maxsize=None)
def load_preset(code: str) -> Policy:
    """Load and validate a shipped preset by its code.

    Raises:
        UserError: No such preset, or the file is invalid (names file, key and problem).
    """
    if code not in list_presets():
        raise UserError.of("preset.unknown", code=code, known=", ".join(list_presets()))
    name = f"{code}.toml"
    policy = parse_policy_text(_folder().joinpath(name).read_text(encoding="utf-8"), name)
    if policy.code != code:
        raise UserError.of("preset.code_not_file_name", name=name, code=code)
    return policy


def parse_policy(text: str, source_name: str) -> Policy:
    """Parse a center's own policy file, stored as text in the database.

    Args:
        text: The TOML text.
        source_name: How to name the file in errors (e.g. "center policy 'acme'").

    Raises:
        UserError: The text is invalid; the message names `source_name`, the key and the problem.
    """
    return parse_policy_text(text, source_name)
