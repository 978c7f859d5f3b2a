"""One user action, one unit of work: open a session, do the work, commit or roll back.

Services receive a `UnitOfWork` and never open sessions themselves. Leaving the `with` block
without `commit()` rolls everything back, so an error half way through stores nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from core.db import READ_ONLY


@dataclass(frozen=True)
class Actor:
    """Who does the action, and at which station."""

    username: str = "system"
    station: str = "local"
    user_id: int | None = None
    roles: frozenset[str] = field(default_factory=frozenset)

    def holds(self, role: str) -> bool:
        return role in self.roles


SYSTEM = Actor(roles=frozenset({"administrator", "supervisor", "intake", "repair", "shipping"}))


class UnitOfWork:
    """A session for the span of one user action.

    Args:
        session_factory: makes the session (injected so tests and stations share one engine).
        actor: who acts; services check permissions and write the audit log with it.
    """

    session: Session

    def __init__(self, session_factory: Callable[[], Session], actor: Actor = SYSTEM,
                 *, read_only: bool = False) -> None:
        self._session_factory = session_factory
        self.actor = actor
        self.read_only = read_only

    def __enter__(self) -> UnitOfWork:
        self.session = self._session_factory()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            self.session.rollback()
        finally:
            self.session.close()

    def commit(self) -> None:
        if self.read_only:
            raise RuntimeError("a read-only unit of work cannot commit; open a writing one")
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()


class Database:
    """The engine of one database and the units of work over it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # PostgreSQL and MariaDB readers never block writers anyway; READ ONLY there also
        # makes a stray write in a read path fail loudly instead of committing by accident.
        options: dict[str, object] = {READ_ONLY: True}
        if engine.dialect.name == "postgresql":
            options["postgresql_readonly"] = True
        self._readers = sessionmaker(engine.execution_options(**options), expire_on_commit=False)

    def uow(self, actor: Actor = SYSTEM) -> UnitOfWork:
        return UnitOfWork(self._sessions, actor)

    def read(self, actor: Actor = SYSTEM) -> UnitOfWork:
        """A unit of work for looking only (dashboards, reports, lists): it takes no write lock."""
        return UnitOfWork(self._readers, actor, read_only=True)

    @property
    def backend(self) -> str:
        return self.engine.url.get_backend_name()
