"""The policies in force: a product's policy from the database, validated once per text."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping

from sqlalchemy import bindparam, select

from core import audit, messages
from core.audit import Change
from core.errors import UserError
from core.models import Policy as PolicyRow
from core.models import Product, Setting, utcnow
from core.permissions import Role, require
from core.policies import presets
from core.policies.schema import Policy
from core.unit_of_work import UnitOfWork

messages.add({
    "policy_admin.no_policy": {
        "en": "There is no policy {code!r}; import or assign a known policy.",
        "zh_CN": "没有政策 {code!r}；请导入或分配一个已有的政策。",
        "zh_TW": "沒有政策 {code!r}；請匯入或指派一個已有的政策。",
    },
    "policy_admin.preset": {
        "en": "{code!r} is a preset shipped with RepairBench; give your policy another code (e.g. "
              "'acme_cables') and assign it to the product models.",
        "zh_CN": "{code!r} 是 RepairBench 自带的预设政策；请为你的政策另取一个代码（例如 "
                 "'acme_cables'），再将其分配给产品型号。",
        "zh_TW": "{code!r} 是 RepairBench 內建的預設政策；請為您的政策另取一個代碼（例如 "
                 "'acme_cables'），再將其指派給產品型號。",
    },
    "policy_admin.no_model": {
        "en": "There is no product model {model!r} in the catalogue.",
        "zh_CN": "产品目录中没有型号 {model!r}。",
        "zh_TW": "產品目錄中沒有型號 {model!r}。",
    },
})

@functools.lru_cache(maxsize=64)
def _parse(code: str, document: str) -> Policy:
    if not document:
        return presets.load_preset(code)
    return presets.parse_policy(document, f"policy {code!r}")


# Read on every intake receipt: Core statements built once, run on the session's connection
# after a flush, so that a policy or setting changed in this unit of work is what they read.
_DOCUMENT = select(PolicyRow.document).where(PolicyRow.code == bindparam("code"))
_SETTINGS = select(Setting.key, Setting.value)


def policy_for(uow: UnitOfWork, code: str) -> Policy:
    """The policy with this code as stored in the database (a preset or the center's own)."""
    uow.session.flush()
    document = uow.session.connection().execute(_DOCUMENT, {"code": code}).scalar()
    if document is None:
        raise UserError.of("policy_admin.no_policy", code=code)
    return policy_from_text(code, document)


def policy_from_text(code: str, document: str) -> Policy:
    """The policy `code` from its stored text, as `policy_for` reads it (validated once)."""
    return _parse(code, document)


def policy_settings(uow: UnitOfWork) -> Mapping[str, str]:
    """Center settings that policies read (e.g. jasminer.warranty_months, calendar.*)."""
    uow.flush()
    return {key: value for key, value in uow.connection().execute(_SETTINGS)}


def check_policy(text: str, source_name: str) -> Policy:
    """The policy in `text`, or a UserError naming the file, the key and the problem."""
    return presets.parse_policy(text, source_name)


def save_policy(uow: UnitOfWork, text: str, source_name: str,
                progress: Callable[[int, int], None] | None = None) -> Policy:
    """Add or replace a center's own policy file; refused whole if it does not validate.

    Presets shipped with the program cannot be replaced, only copied under a new code.
    Replacing one recomputes its units' due dates in the same transaction (`progress(done,
    total)` follows that, in work orders).
    """
    require(uow.actor, Role.ADMINISTRATOR, action="edit policies")
    policy = check_policy(text, source_name)
    row = uow.session.scalar(select(PolicyRow).where(PolicyRow.code == policy.code))
    if row is not None and row.is_preset:
        raise UserError.of("policy_admin.preset", code=policy.code)
    before = {"document": row.document} if row is not None else None
    if row is None:
        row = PolicyRow(code=policy.code, name=policy.name, is_preset=False, document=text)
        uow.session.add(row)
    else:
        row.name, row.document, row.updated_at = policy.name, text, utcnow()
    audit.record(uow, Change("policy.save", "policy", policy.code, None, before,
                             {"name": policy.name, "document": text}))
    if before is not None:  # a new policy has no products yet
        from core.services.due_dates import refresh_all_due  # it reads this module

        refresh_all_due(uow, policy_codes=[policy.code], progress=progress)
    uow.commit()
    return policy


def assign_policy(uow: UnitOfWork, model: str, code: str,
                  progress: Callable[[int, int], None] | None = None) -> None:
    """Make `code` the policy of the product model `model` (audited); its units' due dates
    follow in the same transaction."""
    require(uow.actor, Role.ADMINISTRATOR, action="assign policies")
    product = uow.session.scalar(select(Product).where(Product.model == model))
    if product is None:
        raise UserError.of("policy_admin.no_model", model=model)
    policy_for(uow, code)  # refuses an unknown or invalid policy
    before = product.policy_code
    product.policy_code = code
    audit.record(uow, Change("product.policy", "product", model, None, {"policy": before},
                             {"policy": code}))
    from core.services.due_dates import refresh_all_due  # it reads this module

    refresh_all_due(uow, product_ids=[product.id], progress=progress)
    uow.commit()


def list_policies(uow: UnitOfWork) -> list[tuple[str, str, bool, str]]:
    """(code, name, is_preset, document) of every policy, by code."""
    rows = uow.session.execute(select(PolicyRow.code, PolicyRow.name, PolicyRow.is_preset,
                                      PolicyRow.document).order_by(PolicyRow.code)).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def catalogue(uow: UnitOfWork) -> list[tuple[str, str, str, str]]:
    """(model, name, brand, policy code) of every product, by model."""
    rows = uow.session.execute(select(Product.model, Product.name, Product.brand,
                                      Product.policy_code).order_by(Product.model)).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]
