"""The benchmark suite's promises: one table, honest verdicts, results kept, broken rows shown."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from benchmarks import common, suite
from benchmarks.figures import Figure, read_json


def scan_row(ours_ms: list[float], raw_ms: list[float]) -> Figure:
    return Figure("scan", [m / 1000 for m in ours_ms], [m / 1000 for m in raw_ms], "raw",
                  "median within 2x, p99 within 3x", max_ratio=2.0, max_p99_ratio=3.0)


def test_a_figure_is_met_only_when_median_and_p99_are_both_within_their_ratio() -> None:
    steady = scan_row([10.0] * 98 + [20.0] * 2, [6.0] * 98 + [8.0] * 2)
    assert steady.median == pytest.approx(10.0)
    assert steady.ratio == pytest.approx(10 / 6)
    assert steady.p99_ratio == pytest.approx(20 / 8)
    assert steady.met

    # The same median with a slow tail: p99 is 4x the baseline's, so the target is missed.
    tail = scan_row([10.0] * 97 + [32.0] * 3, [6.0] * 98 + [8.0] * 2)
    assert tail.ratio == pytest.approx(10 / 6)
    assert not tail.met


def test_an_absolute_target_is_on_the_median_and_a_failed_check_misses_whatever_the_time() -> None:
    labels = Figure("labels", [9.0, 9.5, 11.0], [0.3] * 3, unit="s", limit=10)
    assert labels.median == 9.5 and labels.p99 == 11.0 and labels.met
    lost = Figure("burst", [0.01] * 20, p99_limit=50, notes="lost scans: 1", ok=False)
    assert lost.p99 == pytest.approx(10.0) and not lost.met


def test_throughput_takes_its_p99_from_the_slow_end() -> None:
    throughput = Figure("stations", [50.0, 40.0, 60.0], [45.0, 44.0, 46.0], unit="scans/s",
                        higher_is_better=True)
    assert throughput.p99 == 40.0
    assert throughput.ratio == pytest.approx(50 / 45)


def run_suite(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, argv: list[str],
              capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    def fine(_run: suite.Run) -> list[Figure]:
        return [Figure("open", [0.1, 0.12, 0.11], [0.01] * 3, "sqlite3", "200 ms", limit=200)]

    def broken(_run: suite.Run) -> list[Figure]:
        raise RuntimeError("PostgreSQL refused the connection")

    monkeypatch.setattr(suite, "SCENARIOS", {"browser": fine, "stations": broken})
    monkeypatch.setattr(suite, "FULL_RESULTS", tmp_path / "results" / "million.json")
    monkeypatch.setattr(suite, "OTHER_RESULTS", tmp_path / "results.json")
    code = suite.main(argv)
    return code, capsys.readouterr().out


def test_a_broken_scenario_keeps_its_row_and_the_others_still_run(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_suite(monkeypatch, tmp_path, [], capsys)

    assert code == 1  # a scenario that produced no figure is an error, not a missed target
    assert "open " in out and "110.0 ms" in out
    assert "stations: no figure" in out
    assert "PostgreSQL refused the connection" in out
    assert "python -m benchmarks stations" in out  # what to do next
    record = json.loads((tmp_path / "results" / "million.json").read_text())
    assert [f["scenario"] for f in record["figures"]] == ["open", "stations: no figure"]
    assert [f["met"] for f in record["figures"]] == [True, False]
    assert record["figures"][0]["ratio"] == pytest.approx(11.0)
    for fact in ("cpu", "cores", "memory", "disk", "os", "python", "sqlite", "postgresql"):
        assert record["machine"][fact]


def test_a_quick_or_partial_run_leaves_the_full_results_alone(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    full = tmp_path / "results" / "million.json"
    full.parent.mkdir()
    full.write_text("the million run")

    run_suite(monkeypatch, tmp_path, ["--quick", "browser"], capsys)
    _, out = run_suite(monkeypatch, tmp_path, ["browser"], capsys)

    assert full.read_text() == "the million run"
    record, figures = read_json(tmp_path / "results.json")
    assert record["scenarios"] == ["browser"] and [f.scenario for f in figures] == ["open"]
    assert "QUICK" not in out


def test_an_unknown_scenario_is_refused_with_the_list_of_scenarios(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(suite, "OTHER_RESULTS", tmp_path / "results.json")
    with pytest.raises(SystemExit) as leaving:
        suite.main(["scna"])
    assert leaving.value.code == 2
    assert "no scenario scna; the scenarios are scan, burst" in capsys.readouterr().err
    assert not (tmp_path / "results.json").exists()


def test_the_readme_table_comes_from_the_json_of_a_run(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    run_suite(monkeypatch, tmp_path, ["browser"], capsys)

    assert suite.main(["--markdown", str(tmp_path / "results.json")]) == 0
    out = capsys.readouterr().out
    assert "| open | 3 | 110.0 ms | 120.0 ms | 10.0 ms (sqlite3) | 11.0x | 12.0x | 200 ms | yes |" \
           "  |" in out


def test_markdown_of_a_file_that_is_not_results_says_so(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.json"
    notes.write_text('{"hello": 1}')
    with pytest.raises(SystemExit):
        suite.main(["--markdown", str(notes)])
    assert "cannot read" in capsys.readouterr().err


def test_runs_started_together_build_the_demo_database_once(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(common, "CACHE", tmp_path / "cache")
    monkeypatch.delenv("REPAIRBENCH_BENCH_WORK_ORDERS", raising=False)
    built: list[Path] = []
    errors: list[BaseException] = []

    def start() -> None:
        try:
            built.append(common.million_db(30))
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=start) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors
    assert built[0] == built[1] == tmp_path / "cache" / "demo-30.db"
    with sqlite3.connect(built[0]) as conn:
        assert conn.execute("SELECT COUNT(*) FROM work_order").fetchone()[0] == 30
    assert not list((tmp_path / "cache").glob("*partial*"))


def test_a_gui_started_by_a_big_process_reports_its_own_peak_memory() -> None:
    # The suite holds a lot by the time it starts the GUI for the memory row; the child's figure
    # must not be the suite's peak (Linux's ru_maxrss carries it over through exec).
    parent = ("import subprocess, sys\n"
              "held = bytearray(400 * 1024 * 1024)\n"
              "for i in range(0, len(held), 4096): held[i] = 1\n"
              "print(subprocess.run([sys.executable, '-c', 'from benchmarks.common import "
              "peak_rss_mb; print(peak_rss_mb())'], capture_output=True, text=True, "
              "check=True).stdout)\n")
    out = subprocess.run([sys.executable, "-c", parent], cwd=common.ROOT, capture_output=True,
                         text=True, check=True).stdout
    assert 5 < float(out) < 100


def test_the_memory_row_is_the_desks_own_peak_not_the_suites(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # By the memory row the suite holds a lot (the browser, the import): the desk it starts must
    # not report that as its own peak.
    monkeypatch.setattr(common, "CACHE", tmp_path)
    monkeypatch.delenv("REPAIRBENCH_BENCH_WORK_ORDERS", raising=False)
    held = bytearray(600 * 1024 * 1024)
    for i in range(0, len(held), 4096):
        held[i] = 1

    [figure] = suite.memory(suite.Run(suite.Sizes(work_orders=30, memory_runs=1)))

    assert len(figure.samples) == len(figure.baseline) == 1
    assert 20 < figure.baseline[0] < 200  # a bare PySide6 window
    assert figure.baseline[0] < figure.samples[0] < 500
    assert figure.met
