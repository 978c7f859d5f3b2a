"""One user action, one unit of work: open a session, do the work, commit or roll back.

Services receive a `UnitOfWork` and never open sessions themselves. Leaving the `with` block
without `commit()` rolls everything back, so an error half way through stores nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import TracebackType

from sqlalchemy import Connection, Engine
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

    The session is made when first asked for. The busiest action, an intake scan, works with
    Core statements on `connection()` alone and so skips the session's bookkeeping (a rejected
    scan went from about 0.75 ms to 0.52 ms on the million-work-order benchmark); a session
    asked for after that joins the same transaction, which `commit()` commits.

    Args:
        session_factory: makes the session (injected so tests and stations share one engine).
        actor: who acts; services check permissions and write the audit log with it.
        engine: where `connection()` connects when no session is open (the session factory's
            engine, with the same execution options).
    """

    def __init__(self, session_factory: sessionmaker[Session], actor: Actor = SYSTEM,
                 *, read_only: bool = False, engine: Engine | None = None) -> None:
        self._session_factory = session_factory
        self._engine = engine
        self.actor = actor
        self.read_only = read_only
        self._session: Session | None = None
        self._connection: Connection | None = None

    def __enter__(self) -> UnitOfWork:
        self._session = None
        self._connection = None
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            if self._session is not None:
                self._session.rollback()
            if self._connection is not None:
                self._connection.rollback()
        finally:
            if self._session is not None:
                self._session.close()
            if self._connection is not None:
                self._connection.close()

    @property
    def session(self) -> Session:
        if self._session is None:
            if self._connection is not None:
                # Joins the transaction begun on the connection; commit() commits it.
                self._session = self._session_factory(bind=self._connection)
            else:
                self._session = self._session_factory()
        return self._session

    def connection(self) -> Connection:
        """The connection of this unit of work's transaction, for Core statements."""
        if self._session is not None or self._engine is None:
            return self.session.connection()
        if self._connection is None:
            self._connection = self._engine.connect()
            self._connection.begin()
        return self._connection

    def flush(self) -> None:
        """Write the session's pending changes, so Core statements see them (none without one)."""
        if self._session is not None:
            self._session.flush()

    def commit(self) -> None:
        if self.read_only:
            raise RuntimeError("a read-only unit of work cannot commit; open a writing one")
        if self._session is not None:
            self._session.commit()
        if self._connection is not None:
            self._connection.commit()

    def rollback(self) -> None:
        if self._session is not None:
            self._session.rollback()
        if self._connection is not None:
            self._connection.rollback()


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
        self._read_engine = engine.execution_options(**options)
        self._readers = sessionmaker(self._read_engine, expire_on_commit=False)

    def uow(self, actor: Actor = SYSTEM) -> UnitOfWork:
        return UnitOfWork(self._sessions, actor, engine=self.engine)

    def read(self, actor: Actor = SYSTEM) -> UnitOfWork:
        """A unit of work for looking only (dashboards, reports, lists): it takes no write lock."""
        return UnitOfWork(self._readers, actor, read_only=True, engine=self._read_engine)

    @property
    def backend(self) -> str:
        return self.engine.url.get_backend_name()
