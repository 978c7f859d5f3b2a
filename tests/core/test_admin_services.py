"""Center settings and policies: validated, permission-checked, audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from core import center
from core.errors import NotAllowed, UserError
from core.models import AuditEntry, Product
from core.services import policies
from core.unit_of_work import Actor, Database

ADMIN = Actor(username="root", roles=frozenset({"administrator"}))
CLERK = Actor(username="sam", roles=frozenset({"shipping"}))
OWN_POLICY = '''code = "acme_cables"
name = "ACME cables"
[warranty]
rule = "W1"
period = { starts_from = "purchase", unit = "months", length = 24 }
last_day_counts = true
judged_on = "received"
out_of_warranty_repair = true
'''


def test_center_policy_is_added_assigned_and_audited(catalogue: Database) -> None:
    with catalogue.uow(ADMIN) as uow:
        policy = policies.save_policy(uow, OWN_POLICY, "acme.toml")
    assert policy.code == "acme_cables"
    with catalogue.uow(ADMIN) as uow:
        policies.assign_policy(uow, "JH-USB-C-2M", "acme_cables")
    with catalogue.uow() as uow:
        assert uow.session.scalar(select(Product.policy_code).where(
            Product.model == "JH-USB-C-2M")) == "acme_cables"
        actions = uow.session.scalars(select(AuditEntry.action)).all()
        assert "policy.save" in actions and "product.policy" in actions
        assert policies.policy_for(uow, "acme_cables").name == "ACME cables"


@pytest.mark.parametrize(("text", "message"), [
    ("code = 'x'\nname = 'x'\n[warranty]\nrule = 3\n", "acme.toml: key warranty.rule"),
    ("not toml at all [", "acme.toml: not valid TOML"),
    (OWN_POLICY.replace("acme_cables", "changkong"), "is a preset"),
])
def test_bad_policy_files_are_refused_with_file_key_and_problem(catalogue: Database, text: str,
                                                                message: str) -> None:
    with pytest.raises(UserError, match=message), catalogue.uow(ADMIN) as uow:
        policies.save_policy(uow, text, "acme.toml")


def test_only_administrators_edit_policies(catalogue: Database) -> None:
    with pytest.raises(NotAllowed, match="administrator"), catalogue.uow(CLERK) as uow:
        policies.save_policy(uow, OWN_POLICY, "acme.toml")


def test_center_settings_refuse_bad_values(database: Database) -> None:
    with pytest.raises(UserError, match="Unknown time zone"), database.uow(ADMIN) as uow:
        center.save(uow, {"center.timezone": "Mars/Olympus"})
    with pytest.raises(UserError, match="needs a name"), database.uow(ADMIN) as uow:
        center.save(uow, {"center.name": "  "})
    with database.uow(ADMIN) as uow:
        center.save(uow, {"center.name": "Shenzhen Repair Hub", "center.timezone": "Asia/Taipei"})
    with database.uow() as uow:
        settings = center.load(uow)
        assert settings.get("center.name") == "Shenzhen Repair Hub"
        assert str(settings.timezone) == "Asia/Taipei"


def test_refused_policies_and_settings_read_in_the_screen_language(catalogue: Database) -> None:
    with pytest.raises(UserError) as refused, catalogue.uow(ADMIN) as uow:
        policies.assign_policy(uow, "NO-SUCH-MODEL", "acme_cables")
    assert refused.value.in_language("zh_CN") == "产品目录中没有型号 'NO-SUCH-MODEL'。"
    assert refused.value.in_language("zh_TW") == "產品目錄中沒有型號 'NO-SUCH-MODEL'。"
    with pytest.raises(UserError) as refused, catalogue.uow(ADMIN) as uow:
        policies.save_policy(uow, OWN_POLICY.replace("acme_cables", "changkong"), "acme.toml")
    assert refused.value.in_language("zh_TW").startswith("'changkong' 是 RepairBench 內建的預設政策")
    with pytest.raises(UserError) as refused, catalogue.uow(ADMIN) as uow:
        center.save(uow, {"jasminer.warranty_months": "twelve"})
    assert str(refused.value).startswith("jasminer.warranty_months: 'twelve' is not a number")
    assert refused.value.in_language("zh_CN") == (
        "jasminer.warranty_months：'twelve' 不是月数；请填写整数，例如 12 或 24，未知时请留空。")
    with pytest.raises(UserError) as refused, catalogue.uow(ADMIN) as uow:
        center.save(uow, {"center.name": "  "})
    assert refused.value.in_language("zh_TW") == "維修中心必須有名稱：每張標籤和報告上都會列印它。"
