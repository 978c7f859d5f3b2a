"""Core's refusals speak the screen's language: every one comes from the catalogue of words.

A refusal raised with an English sentence would show in English on a Chinese screen; these tests
read core's source and fail on such a raise, on an action or a key the catalogue lacks, and on a
key given other fields than its wording fills.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import core
from core import messages, permissions, workflow
from core.errors import IllegalTransition, NotAllowed, UserError
from core.models import UnitStatus as S
from core.unit_of_work import Actor

CORE = Path(core.__file__).parent
CATALOGUE = messages.catalogue()


def _refusal_classes() -> set[str]:
    """UserError and every class core derives from it, by name."""
    names = {"UserError"}
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in CORE.rglob("*.py")]
    grown = True
    while grown:
        grown = False
        for tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names and any(
                        _name(base) in names for base in node.bases):
                    names.add(node.name)
                    grown = True
    return names


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _sources() -> Iterator[tuple[str, ast.AST]]:
    for path in sorted(CORE.rglob("*.py")):
        yield str(path.relative_to(CORE.parent)), ast.parse(path.read_text(encoding="utf-8"))


REFUSALS = _refusal_classes()


def test_no_refusal_in_core_is_an_english_sentence() -> None:
    wording = (ast.Constant, ast.JoinedStr, ast.BinOp)
    english = [
        f"{where}:{node.lineno}"
        for where, tree in _sources() for node in ast.walk(tree)
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)
        and _name(node.exc.func) in REFUSALS and node.exc.args
        and isinstance(node.exc.args[0], wording)
        and not (isinstance(node.exc.args[0], ast.Constant) and node.exc.args[0].value in CATALOGUE)
    ]
    assert not english, "raise these with a catalogue key (UserError.of): " + ", ".join(english)


def _keyed_calls() -> Iterator[tuple[str, str, set[str] | None]]:
    """(where, key, fields given) of every `X.of("key", ...)` and `messages.text("key", ...)`."""
    for where, tree in _sources():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                continue
            func = node.func
            keyed = (isinstance(func, ast.Attribute) and func.attr == "of"
                     and _name(func.value) in REFUSALS) or _name(func) in REFUSALS - {
                         "UserError", "NotAllowed", "IllegalTransition"}
            if not keyed:
                continue
            given = None if any(k.arg is None for k in node.keywords) else {
                k.arg for k in node.keywords if k.arg}
            yield f"{where}:{node.lineno}", node.args[0].value, given


def test_every_key_a_refusal_names_exists_with_the_fields_given() -> None:
    calls = list(_keyed_calls())
    assert calls, "no keyed refusal found: the source scan is broken"
    for where, key, given in calls:
        if key not in CATALOGUE:
            # A class whose first argument is not a key (FileRefused's file name) is not keyed.
            continue
        wanted = messages.placeholders(CATALOGUE[key]["en"])
        if given is not None:
            assert given == wanted, f"{where}: {key} fills {sorted(wanted)}, given {sorted(given)}"


def test_every_action_a_service_names_is_in_every_language() -> None:
    named = {
        (where, keyword.value.value)
        for where, tree in _sources() for node in ast.walk(tree)
        if isinstance(node, ast.Call) and _name(node.func) == "require"
        for keyword in node.keywords
        if keyword.arg == "action" and isinstance(keyword.value, ast.Constant)
    }
    assert len(named) > 20
    missing = sorted(f"{where}: {action}" for where, action in named
                     if f"action.{action}" not in CATALOGUE)
    assert not missing, missing


def test_a_refused_role_reads_in_the_screen_language() -> None:
    intake = Actor(username="ina", roles=frozenset({"intake"}))
    with pytest.raises(NotAllowed) as refused:
        permissions.require(intake, permissions.Role.REPAIR, action="record test findings")
    assert str(refused.value) == (
        "ina may not record test findings: it needs the role repair technician. Ask a "
        "supervisor or sign in with such an account.")
    assert refused.value.in_language("zh_CN") == (
        "ina 无权记录检测结果：需要维修技术员角色。请联系主管，或以具有该角色的账号登录。")
    assert refused.value.in_language("zh_TW").startswith("ina 無權記錄檢測結果：需要維修技術員角色")
    # Alternatives read as alternatives in each language.
    with pytest.raises(NotAllowed) as refused:
        permissions.require(intake, permissions.Role.SUPERVISOR, permissions.Role.ADMINISTRATOR,
                            action="see the dashboard")
    assert "supervisor or administrator" in str(refused.value)
    assert "主管或管理员" in refused.value.in_language("zh_CN")


def test_a_refused_move_names_the_states_in_the_screen_language() -> None:
    with pytest.raises(IllegalTransition) as refused:
        workflow.check(S.RECEIVED, S.QUOTE_SENT)
    assert str(refused.value) == (
        "The unit cannot go from received to quote sent: it must be in diagnosis first.")
    assert refused.value.in_language("zh_CN") == (
        "设备不能从“已收货”转为“已发报价”：必须先处于“检测中”状态。")
    with pytest.raises(IllegalTransition) as refused:
        workflow.check(S.IN_DIAGNOSIS, S.IN_REPAIR, workflow.Facts(decision="not_covered"))
    assert refused.value.in_language("zh_TW") == (
        "設備不能從「檢測中」轉為「維修中」：設備不在保固範圍內：請先送出報價並記錄客戶的同意（規則 D1）。")
    # A language the catalogue does not speak is English, never an error.
    assert refused.value.in_language("fr") == str(refused.value)


def test_an_unkeyed_refusal_still_reads() -> None:
    assert UserError("plain words").in_language("zh_CN") == "plain words"
