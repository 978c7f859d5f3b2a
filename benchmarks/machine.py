"""What the figures ran on: CPU, memory, disk, OS and the versions that set the floor.

Every fact is read, never assumed; a fact that cannot be read says so instead of failing the run.
"""

from __future__ import annotations

import os
import platform
import shutil
import sqlite3
from importlib import metadata
from pathlib import Path


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    except (OSError, ValueError):
        pass
    return "unknown"


def _disk(folder: Path) -> str:
    """The file system holding `folder`: device, type, size, and whether it spins."""
    folder = folder.resolve()
    best, device, kind = Path("/"), "unknown device", "unknown file system"
    try:
        for line in Path("/proc/mounts").read_text().splitlines():
            dev, mount, fstype = line.split()[:3]
            if folder.is_relative_to(mount) and len(mount) >= len(str(best)):
                best, device, kind = Path(mount), dev, fstype
    except OSError:
        pass
    medium = ""
    rotational = Path("/sys/block") / Path(device).name / "queue" / "rotational"
    if rotational.exists():
        medium = (", rotational as the kernel reports it"
                  if rotational.read_text().strip() == "1" else ", non-rotational")
    size = shutil.disk_usage(folder).total / 1e9
    return f"{device} ({kind}, {size:.0f} GB{medium})"


def _os() -> str:
    name = platform.system()
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                name = line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    return f"{name}, kernel {platform.release()}"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _postgresql(url: str) -> str:
    try:
        from sqlalchemy import create_engine, text

        engine = create_engine(url)
        try:
            with engine.connect() as conn:
                return str(conn.execute(text("SHOW server_version")).scalar())
        finally:
            engine.dispose()
    except Exception as error:  # noqa: BLE001 - the run goes on; the record says why
        return f"not reachable ({type(error).__name__})"


def describe(data_folder: Path, postgresql_url: str) -> dict[str, str]:
    """The machine's facts, for the table's heading and the JSON record."""
    usable = os.cpu_count() or 0
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not on every OS
        pass
    return {
        "host": platform.node(),
        "cpu": _cpu(),
        "cores": f"{usable} usable of {os.cpu_count()}",
        "memory": _memory(),
        "disk": _disk(data_folder),
        "os": _os(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "postgresql": _postgresql(postgresql_url),
        "pyside6": _version("PySide6-Essentials"),
        "sqlalchemy": _version("SQLAlchemy"),
        "reportlab": _version("reportlab"),
    }


def summary(facts: dict[str, str]) -> str:
    return (f"{facts['cpu']}, {facts['cores']} cores, {facts['memory']} RAM, disk {facts['disk']}; "
            f"{facts['os']}; Python {facts['python']}, SQLite {facts['sqlite']}, "
            f"PostgreSQL {facts['postgresql']}")
