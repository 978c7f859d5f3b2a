"""The policies in force: a product's policy from the database, validated once per text."""

from __future__ import annotations

import functools
from collections.abc import Mapping

from sqlalchemy import select

from core.errors import UserError
from core.models import Policy as PolicyRow
from core.models import Setting
from core.policies import presets
from core.policies.schema import Policy
from core.unit_of_work import UnitOfWork


@functools.lru_cache(maxsize=64)
def _parse(code: str, document: str) -> Policy:
    if not document:
        return presets.load_preset(code)
    return presets.parse_policy(document, f"policy {code!r}")


def policy_for(uow: UnitOfWork, code: str) -> Policy:
    """The policy with this code as stored in the database (a preset or the center's own)."""
    document = uow.session.scalar(select(PolicyRow.document).where(PolicyRow.code == code))
    if document is None:
        raise UserError(f"There is no policy {code!r}; import or assign a known policy.")
    return _parse(code, document)


def policy_settings(uow: UnitOfWork) -> Mapping[str, str]:
    """Center settings that policies read (e.g. jasminer.warranty_months, calendar.*)."""
    return dict(uow.session.execute(select(Setting.key, Setting.value)).all())
