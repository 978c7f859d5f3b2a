"""`label` and `report` print in the customer's language, or the one `--language` names."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_cli import run
from tests.cli.test_documents import prepared
from tests.core.test_customer_language import customer_speaks
from tests.reports.pdftools import all_text


def _set_customer_language(url: str, language: str | None) -> None:
    database = prepared(url)
    customer_speaks(database, "WO-1", language)
    database.engine.dispose()


def test_report_and_label_follow_the_customers_language(sqlite_url: str, tmp_path: Path) -> None:
    _set_customer_language(sqlite_url, "zh_TW")
    report, label = tmp_path / "report.pdf", tmp_path / "label.pdf"
    done = run("report", "WO-1", "--out", str(report), db=sqlite_url, user="sam")
    assert done.returncode == 0, done.stderr
    assert "維修報告" in all_text(report.read_bytes())
    done = run("label", "WO-1", "--out", str(label), db=sqlite_url, user="sam")
    assert done.returncode == 0, done.stderr
    assert "運單號" in all_text(label.read_bytes()) and "Tracking" not in all_text(label.read_bytes())


def test_language_option_overrides_the_customers(sqlite_url: str, tmp_path: Path) -> None:
    _set_customer_language(sqlite_url, "zh_TW")
    out = tmp_path / "report.pdf"
    done = run("report", "WO-1", "--language", "zh_CN", "--out", str(out), db=sqlite_url,
               user="sam")
    assert done.returncode == 0, done.stderr
    text = all_text(out.read_bytes())
    assert "维修报告" in text and "維修報告" not in text
    done = run("label", "WO-1", "--language", "en", "--out", str(out), db=sqlite_url, user="sam")
    assert done.returncode == 0, done.stderr
    assert "Tracking" in all_text(out.read_bytes())


def test_unknown_language_is_refused_before_anything_is_written(sqlite_url: str,
                                                               tmp_path: Path) -> None:
    _set_customer_language(sqlite_url, None)
    out = tmp_path / "report.pdf"
    done = run("report", "WO-1", "--language", "fr", "--out", str(out), db=sqlite_url, user="sam")
    assert done.returncode == 2 and not out.exists()
    assert "--language" in done.stderr and "zh_TW" in done.stderr
