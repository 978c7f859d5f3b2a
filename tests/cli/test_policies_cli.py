"""`warranty` and `deadlines` as a user runs them: a real process on the sample work orders."""

from __future__ import annotations

import json

from tests.cli.accounts import add_demo_accounts, load_samples
from tests.cli.test_cli import run


def _load(db: str) -> None:
    add_demo_accounts(db)
    load_samples(db)


def test_warranty_prints_json_then_text(sqlite_url: str) -> None:
    _load(sqlite_url)
    # CK-HMI-10 without proof: 240 days from the factory date 2025-06-20, last day 2026-02-15.
    result = run("warranty", "RMA-2026-0003", "CK10H25060077", "--received", "2026-02-15",
                 db=sqlite_url, user="ray")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout.split("\n\n", 1)[0])
    assert (data["status"], data["rule"], data["end"]) == ("covered", "W4", "2026-02-15")
    assert "CK10H25060077: covered (rule W4)" in result.stdout
    late = run("warranty", "RMA-2026-0003", "CK10H25060077", "--received", "2026-02-16",
               "--json", db=sqlite_url, user="ray")
    assert json.loads(late.stdout)["status"] == "not_covered"


def test_warranty_of_a_unit_not_yet_received_cannot_tell(sqlite_url: str) -> None:
    _load(sqlite_url)
    result = run("warranty", "RMA-2026-0003", "CK10H25060077", "--json", db=sqlite_url, user="ray")
    data = json.loads(result.stdout)
    assert data["status"] == "cannot_tell" and "received_on" in data["missing"]


def test_warranty_errors_are_one_sentence(sqlite_url: str) -> None:
    _load(sqlite_url)
    for args in (("RMA-2026-0003", "NOPE"), ("NOPE", "X"),
                 ("RMA-2026-0003", "CK10H25060077", "--received", "yesterday")):
        result = run("warranty", *args, db=sqlite_url, user="ray")
        assert result.returncode != 0 and result.stderr.startswith("repairbench: ")
        assert "Traceback" not in result.stderr


def test_deadlines_prints_each_due_date_with_its_rule(sqlite_url: str) -> None:
    _load(sqlite_url)
    result = run("deadlines", "RMA-2026-0002", db=sqlite_url, user="ray")
    assert result.returncode == 0, result.stderr
    # P2 request submitted Tue 2026-11-03 14:40 (UTC+8): 8 support hours later.
    assert "D3" in result.stdout and "service_level" in result.stdout
    empty = run("deadlines", "RMA-2026-0003", db=sqlite_url, user="ray")
    assert "no due dates yet" in empty.stdout


def test_pay_records_the_payment_and_refuses_what_is_wrong(sqlite_url: str) -> None:
    _load(sqlite_url)
    two_unpaid = run("pay", "RMA-2026-0001", "--amount", "300", db=sqlite_url, user="sam")
    assert two_unpaid.returncode != 0 and "name the serial" in two_unpaid.stderr
    not_allowed = run("pay", "RMA-2026-0001", "JMX16Q2405001", "--amount", "300",
                      db=sqlite_url, user="ray")
    assert not_allowed.returncode == 2 and "shipping clerk" in not_allowed.stderr
    for bad, words in ((("--amount", "-3"), "more than zero"),
                       (("--amount", "300", "--on", "10/11/2026"), "YYYY-MM-DD")):
        result = run("pay", "RMA-2026-0001", "JMX16Q2405001", *bad, db=sqlite_url, user="sam")
        assert result.returncode != 0 and words in result.stderr
        assert result.stderr.startswith("repairbench: ") and "Traceback" not in result.stderr
    paid = run("pay", "RMA-2026-0001", "JMX16Q2405001", "--amount", "1,448.20", "--on",
               "2026-11-10", "--channel", "alipay", "--reference", "AP-991",
               db=sqlite_url, user="sam")
    assert paid.returncode == 0, paid.stderr
    assert paid.stdout.strip() == ("RMA-2026-0001 JMX16Q2405001: paid 1448.20 CNY on "
                                   "2026-11-10 by alipay.")
    again = run("pay", "RMA-2026-0001", "JMX16Q2405001", "--amount", "10", db=sqlite_url,
                user="sam")
    assert again.returncode != 0 and "already recorded as paid on 2026-11-10" in again.stderr
