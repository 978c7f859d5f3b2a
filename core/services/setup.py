"""Creating a database: schema, the shipped policy presets, and the first records."""

from __future__ import annotations

import tomllib
from importlib import resources

from sqlalchemy import select

from core import db
from core.models import Policy
from core.unit_of_work import Database, UnitOfWork

PRESET_CODES = ("jetharness", "jasminer", "jomplair", "changkong")
PRESET_NAMES = {
    "jetharness": "JetHarness cables",
    "jasminer": "Jasminer miners",
    "jomplair": "Jomplair switches and optical modules",
    "changkong": "Changkong products",
}


def preset_documents() -> dict[str, str]:
    """The policy preset files shipped in resources/policies, by code."""
    folder = resources.files("resources") / "policies"
    documents: dict[str, str] = {}
    if folder.is_dir():
        for entry in folder.iterdir():
            if entry.name.endswith(".toml"):
                documents[entry.name.removesuffix(".toml")] = entry.read_text(encoding="utf-8")
    return documents


def seed_policies(uow: UnitOfWork) -> None:
    """Make sure every shipped preset has its row; a center's own policies are left alone."""
    documents = preset_documents()
    existing = {p.code: p for p in uow.session.scalars(select(Policy)).all()}
    for code in sorted(set(PRESET_CODES) | set(documents)):
        text = documents.get(code, "")
        name = PRESET_NAMES.get(code, code)
        try:
            name = tomllib.loads(text).get("name", name) if text else name
        except tomllib.TOMLDecodeError:
            pass
        policy = existing.get(code)
        if policy is None:
            uow.session.add(Policy(code=code, name=name, is_preset=True, document=text))
        elif policy.is_preset and text and policy.document != text:
            policy.document = text


def open_and_prepare(url: str) -> Database:
    """Open (creating or upgrading) the database and make sure the presets are there."""
    database = Database(db.open_database(url))
    # Look first, without the write lock: a station starting must not queue behind benches that
    # are scanning when, as nearly always, the presets are already there and current.
    with database.read() as uow:
        seed_policies(uow)
        stale = bool(uow.session.new or uow.session.dirty)
    if stale:
        with database.uow() as uow:
            seed_policies(uow)
            uow.commit()
    return database
