"""Where the database is, how to connect to it, and bringing its schema up to date.

The embedded default is a SQLite file in the user's data directory; shared stations point every
station at one PostgreSQL (or MariaDB) server with `--db URL` or `REPAIRBENCH_DB`.
"""

from __future__ import annotations

import functools
import os
import re
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError

from core import messages
from core.errors import UserError
from core.locations import ENV_VAR, default_sqlite_path

messages.add({
    "database.bad_address": {
        "en": "The database address {address!r} is not valid: {error}.",
        "zh_CN": "数据库地址 {address!r} 无效：{error}。",
        "zh_TW": "資料庫位址 {address!r} 無效：{error}。",
    },
    "database.unusable": {
        "en": "Cannot use the database {database}: {error}.",
        "zh_CN": "无法使用数据库 {database}：{error}。",
        "zh_TW": "無法使用資料庫 {database}：{error}。",
    },
    "database.lost": {
        "en": "Cannot reach the database {database}: {error}.",
        "zh_CN": "无法连接数据库 {database}：{error}。",
        "zh_TW": "無法連線至資料庫 {database}：{error}。",
    },
    "database.unreachable": {
        "en": "Cannot reach the database {database}: {error}. "
              "Check that the server is running and the address is right.",
        "zh_CN": "无法连接数据库 {database}：{error}。请检查服务器是否在运行、地址是否正确。",
        "zh_TW": "無法連線至資料庫 {database}：{error}。請檢查伺服器是否正在執行、位址是否正確。",
    },
    "database.not_a_database": {
        "en": "Cannot open the database {database}: {error}. "
              "Check that the address names a RepairBench database.",
        "zh_CN": "无法打开数据库 {database}：{error}。请检查该地址指向的是 RepairBench 数据库。",
        "zh_TW": "無法開啟資料庫 {database}：{error}。請檢查該位址指向的是 RepairBench 資料庫。",
    },
    "database.too_new": {
        "en": "The database {database} was made by a newer RepairBench (schema {revision}). "
              "Install the newer version of the program.",
        "zh_CN": "数据库 {database} 由较新版本的 RepairBench 创建（结构版本 {revision}）。"
                 "请安装新版程序。",
        "zh_TW": "資料庫 {database} 由較新版本的 RepairBench 建立（結構版本 {revision}）。"
                 "請安裝新版程式。",
    },
})

SQLITE_BUSY_TIMEOUT_MS = 15_000


def resolve_url(db: str | None) -> str:
    """The URL to use: `--db`, else `REPAIRBENCH_DB`, else the default SQLite file.

    A plain file path is taken as a SQLite file.
    """
    value = db or os.environ.get(ENV_VAR) or str(default_sqlite_path())
    if "://" not in value:
        path = Path(value).expanduser().resolve()
        value = f"sqlite:///{path}"
    try:
        make_url(value)
    except ArgumentError as exc:
        raise UserError.of("database.bad_address", address=value, error=exc) from exc
    return value


def describe(url: str) -> str:
    """The database named for people: a file path or host/database, never a password."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or "in-memory SQLite"
    return parsed.render_as_string(hide_password=True)


def _one_line(error: BaseException | None) -> str:
    return " ".join(str(error).split()).rstrip(".?")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Python's sqlite3 opens transactions lazily; take over so BEGIN IMMEDIATE works for writers.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cur.close()


READ_ONLY = "repairbench_read_only"


def _sqlite_begin(conn: Any) -> None:
    # Writers take the lock at BEGIN so two stations never both read-then-write the same row.
    # Readers (reports, dashboards) must not hold that lock for seconds while benches scan:
    # WAL lets a deferred transaction read a consistent snapshot beside one writer.
    # Straight on the driver: through the Connection it cost a scan as much as a read.
    cursor = conn.connection.cursor()
    try:
        cursor.execute("BEGIN" if conn.get_execution_options().get(READ_ONLY)
                       else "BEGIN IMMEDIATE")
    finally:
        cursor.close()


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine with the settings each backend needs for durable, concurrent use."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    kwargs: dict[str, Any] = {"echo": echo}
    if backend == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
    else:
        kwargs["pool_pre_ping"] = True
    if backend == "mysql" and parsed.drivername == "mysql":
        url = str(parsed.set(drivername="mysql+pymysql"))
    if backend == "postgresql" and parsed.drivername == "postgresql":
        url = str(parsed.set(drivername="postgresql+psycopg"))
    try:
        engine = create_engine(url, **kwargs)
    except Exception as exc:  # a missing driver or a malformed option
        raise UserError.of("database.unusable", database=describe(url), error=exc) from exc
    if backend == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("core") / "migrations"))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Create or upgrade the schema with the migrations; data is kept."""
    from alembic import command

    try:
        command.upgrade(alembic_config(engine), revision)
    except OperationalError as exc:
        raise UserError.of("database.lost", database=describe(str(engine.url)),
                           error=_one_line(exc.orig)) from exc


def schema_state(engine: Engine) -> tuple[str | None, str]:
    """(the database's revision, the newest revision this program knows)."""
    with engine.connect() as conn:
        return stored_revision(conn), schema_head()


_REVISION_LINE = re.compile(r"""^(down_)?revision\s*=\s*['"]?(\w+)?""", re.MULTILINE)


@functools.cache
def _revisions() -> dict[str, str | None]:
    """Every migration this program has, as revision -> the revision it follows.

    Read from the migration files' own `revision = ...` lines: loading Alembic's script machinery
    at every start costs a noticeable part of a second for what a few regexes can tell.
    """
    chain: dict[str, str | None] = {}
    for script in (resources.files("core") / "migrations" / "versions").iterdir():
        if not script.name.endswith(".py") or script.name.startswith("__"):
            continue
        found = {bool(down): rev for down, rev in _REVISION_LINE.findall(script.read_text("utf-8"))}
        if found.get(False):
            follows = found.get(True)
            chain[found[False]] = None if follows in (None, "", "None") else follows
    return chain


def schema_head() -> str:
    """The newest revision: the one no other migration follows."""
    chain = _revisions()
    followed = set(chain.values())
    heads = [rev for rev in chain if rev not in followed]
    if len(heads) != 1:
        raise RuntimeError(f"the migrations must form one line, not {sorted(heads)}")
    return heads[0]


def stored_revision(conn: Connection) -> str | None:
    """The revision recorded in the database, None for a database without schema."""
    if not conn.dialect.has_table(conn, "alembic_version"):
        return None
    return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def open_database(url: str, *, migrate: bool = True) -> Engine:
    """Connect, refuse a database newer than this program, and upgrade an older one.

    A database already at the newest revision costs one small query: Alembic is loaded only
    when there is something to create or upgrade.
    """
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            # A look only: no write lock, so a station starting never waits for benches scanning.
            conn.execution_options(**{READ_ONLY: True})
            current = stored_revision(conn)
            has_tables = current is not None or bool(inspect(conn).get_table_names())
    except OperationalError as exc:
        raise UserError.of("database.unreachable", database=describe(url),
                           error=_one_line(exc.orig)) from exc
    except DatabaseError as exc:  # reached, but not a database (a text file named .db)
        raise UserError.of("database.not_a_database", database=describe(url),
                           error=_one_line(exc.orig)) from exc
    if has_tables and current is not None and current not in _revisions():
        raise UserError.of("database.too_new", database=describe(url), revision=current)
    if migrate and current != schema_head():
        upgrade(engine)
    return engine
