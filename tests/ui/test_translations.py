"""The screens in English, Simplified and Traditional Chinese.

A visible string without a finished translation fails here: lupdate reads the translated screens'
sources afresh and every string it finds must be translated in both committed .ts files.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFormLayout

from core.models import UnitStatus, WorkOrderStatus
from core.services import demo
from core.unit_of_work import Database
from ui import i18n
from ui.signin import SignInDialog
from ui.work_orders.browser import WorkOrderBrowser
from ui.work_orders.states import service_text, state_text

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "translations"
TZ = ZoneInfo("Asia/Shanghai")

# Every screen: all of ui/ and main.py, so a new file is checked without being listed. The
# command line (main.py, ui/commands) prints English on purpose: its output is the wording of
# record that scripts read, as core.messages says, so lupdate finds nothing there to translate.
TRANSLATED = ("main.py", "ui")
CHINESE = ("zh_CN", "zh_TW")
# str.format fields, Qt's %n / %1 markers: a translation must keep every one of them.
FIELDS = re.compile(r"\{[^{}]*\}|%L?n|%\d")
HAN = re.compile(r"[\u4e00-\u9fff]")

Message = tuple[str, str, str]  # context, source, disambiguation


def _messages(ts: Path) -> dict[Message, list[str]]:
    """Every message of a .ts file with its translation(s); unfinished ones as []."""
    found: dict[Message, list[str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            translation = message.find("translation")
            assert translation is not None
            finished = translation.get("type") not in ("unfinished", "obsolete", "vanished")
            forms = [f.text or "" for f in translation.iter("numerusform")] \
                if message.get("numerus") == "yes" else [translation.text or ""]
            found[key] = forms if finished and all(f.strip() for f in forms) else []
    return found


@pytest.fixture(scope="module")
def source_strings(tmp_path_factory: pytest.TempPathFactory) -> dict[Message, list[str]]:
    """What lupdate finds in the translated screens' sources now."""
    out = tmp_path_factory.mktemp("lupdate") / "current.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), "-silent", "-extensions", "py", *TRANSLATED, "-ts", str(out)],
                   cwd=ROOT, check=True, capture_output=True, timeout=120)
    return _messages(out)


@pytest.mark.parametrize("language", CHINESE)
def test_every_string_of_the_translated_screens_is_translated(
        language: str, source_strings: dict[Message, list[str]]) -> None:
    committed = _messages(FOLDER / f"repairbench_{language}.ts")
    assert len(source_strings) > 200  # lupdate really read the sources
    missing = [m for m in source_strings if not committed.get(m)]
    assert not missing, (f"{len(missing)} strings have no finished {language} translation; "
                         f"run `make translations` and translate them: {missing[:10]}")
    for (context, source, _), forms in ((m, committed[m]) for m in source_strings):
        for form in forms:
            assert sorted(FIELDS.findall(form)) == sorted(FIELDS.findall(source)), (
                language, context, source, form)


# Characters written differently in the two scripts (Simplified, Traditional), among those the
# screens use most: a Traditional screen showing 设备 or a Simplified one showing 設備 reads as a
# careless copy to the people at the bench.
SCRIPT_PAIRS = ("设設 备備 单單 号號 货貨 这這 试試 输輸 错錯 误誤 关關 开開 网網 数數 据據 检檢 "
                "测測 维維 时時 间間 确確 认認 条條 显顯 应應 态態 类類 务務 库庫 码碼 录錄 动動 "
                "项項 户戶 扫掃 机機 选選 择擇 请請 无無 线線 连連 处處 页頁 签簽 标標 价價 报報 "
                "诊診 断斷 达達 预預 图圖 导導 载載 读讀 写寫 语語 运運 个個 张張 为為 从從 仪儀 "
                "盘盤 现現 电電 话話 邮郵 档檔 费費 币幣 换換 转轉 进進 级級 组組 验驗 证證 产產 "
                "审審 记記 说說 启啟 总總 键鍵").split()


@pytest.mark.parametrize(("language", "foreign"), [
    ("zh_CN", {pair[1] for pair in SCRIPT_PAIRS}),
    ("zh_TW", {pair[0] for pair in SCRIPT_PAIRS}),
])
def test_each_catalogue_keeps_to_its_script(language: str, foreign: set[str]) -> None:
    wrong = {source: form for (_, source, _), forms in
             _messages(FOLDER / f"repairbench_{language}.ts").items()
             for form in forms if foreign & set(form)}
    assert not wrong, f"{language} translations in the other script: {list(wrong.items())[:5]}"


def test_the_translated_screens_are_named_as_they_are() -> None:
    # A moved or renamed file would silently leave the check above.
    assert all((ROOT / path).exists() for path in TRANSLATED)


def test_the_catalogues_compile_at_start_when_make_did_not(tmp_path: Path) -> None:
    sources, cache = tmp_path / "translations", tmp_path / "cache"
    sources.mkdir()
    for language in CHINESE:
        ts = FOLDER / f"repairbench_{language}.ts"
        (sources / ts.name).write_bytes(ts.read_bytes())
        qm = i18n.compiled_catalogue(language, sources, cache)
        assert qm is not None and qm.parent == cache and qm.stat().st_size > 10_000, language
        # Compiled once: the next start takes the same file.
        assert i18n.compiled_catalogue(language, sources, cache) == qm
    assert i18n.compiled_catalogue("fr", sources, cache) is None
    # A .ts that lrelease cannot read leaves the screens in English instead of failing.
    (sources / "repairbench_xx.ts").write_text("<TS><context>", encoding="utf-8")
    assert i18n.compiled_catalogue("xx", sources, cache) is None


@pytest.fixture
def language(qapp: QApplication) -> Iterator[object]:
    def switch(code: str) -> str:
        return i18n.install(code, app=qapp)

    yield switch
    i18n.install("en", app=qapp)


@pytest.mark.parametrize(("code", "title", "user", "sign_in", "cancel"), [
    ("zh_CN", "RepairBench：登录", "用户", "登录", "取消"),
    ("zh_TW", "RepairBench：登入", "使用者", "登入", "取消"),
    ("en", "RepairBench: sign in", "User", "Sign in", "Cancel"),
])
def test_sign_in_dialog_speaks_the_language(qtbot, database: Database, language,  # type: ignore[no-untyped-def]
                                            code: str, title: str, user: str, sign_in: str,
                                            cancel: str) -> None:
    assert language(code) == code and i18n.current_language() == code
    dialog = SignInDialog(database, "bench-1")
    qtbot.addWidget(dialog)
    form = dialog.findChild(QFormLayout)
    labels = [form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().text()
              for row in range(form.rowCount())]
    buttons = dialog.findChild(QDialogButtonBox)
    assert dialog.windowTitle() == title
    assert labels[0] == user
    assert buttons.button(QDialogButtonBox.StandardButton.Ok).text() == sign_in
    # Qt's own translation of the standard button.
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text().startswith(cancel)
    # The wrong password's message comes from core, in words; the dialog never crashes on it.
    dialog.user.setText("nobody")
    dialog.password.setText("wrong")
    dialog.try_sign_in()
    assert dialog.result() == 0 and dialog.message.text()


@pytest.mark.parametrize(("code", "headers", "all_states", "count", "closed"), [
    ("zh_CN", ["工单", "订单号", "客户", "电话", "状态", "服务类型", "提交时间", "设备数"],
     "全部状态", "共 30 张工单", "已结案"),
    ("zh_TW", ["工單", "訂單號碼", "客戶", "電話", "狀態", "服務類型", "提交時間", "設備數"],
     "全部狀態", "共 30 張工單", "已結案"),
])
def test_work_order_browser_speaks_the_language(qtbot, database: Database, language,  # type: ignore[no-untyped-def]
                                                code: str, headers: list[str], all_states: str,
                                                count: str, closed: str) -> None:
    with database.uow() as uow:
        demo.build(uow, 30)
    language(code)
    browser = WorkOrderBrowser(database, TZ)
    qtbot.addWidget(browser)
    model = browser.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == headers
    assert browser.status.itemText(0) == all_states
    assert browser.status.itemText(browser.status.findData(WorkOrderStatus.CLOSED)) == closed
    assert browser.summary.text() == count
    assert HAN.search(browser.search.placeholderText())
    # Every state and service type in the table is in Chinese, dates in the locale's form.
    states = {model.index(r, 4).data() for r in range(model.rowCount())}
    services = {model.index(r, 5).data() for r in range(model.rowCount())}
    assert states and all(HAN.search(s) for s in states | services), states | services
    submitted = model.index(0, 6).data()
    assert re.fullmatch(r"\d{4}/\d{1,2}/\d{1,2} .*\d{1,2}:\d{2}", submitted), submitted


def test_english_is_unchanged(qtbot, database: Database, language) -> None:  # type: ignore[no-untyped-def]
    with database.uow() as uow:
        demo.build(uow, 5)
    language("en")
    browser = WorkOrderBrowser(database, TZ)
    qtbot.addWidget(browser)
    assert browser.model.headerData(0, Qt.Orientation.Horizontal) == "Work order"
    assert browser.summary.text() == "5 work order(s)"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", browser.model.index(0, 6).data())


def test_every_state_and_service_type_has_its_words(language) -> None:  # type: ignore[no-untyped-def]
    from core.models import ServiceType

    codes = {s.value for s in WorkOrderStatus} | {s.value for s in UnitStatus}
    assert state_text("awaiting_parcel") == "awaiting parcel"
    for code in CHINESE:
        language(code)
        assert all(HAN.search(state_text(c)) for c in codes), code
        assert all(HAN.search(service_text(s.value)) for s in ServiceType), code
    assert state_text("no_such_state") == "no such state"


def test_the_language_setting_and_the_computer_decide(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat)
    settings.setValue("ui/language", "zh_TW")
    assert i18n.configured_language(settings) == "zh_TW"
    settings.setValue("ui/language", "klingon")  # a hand-edited file: the computer's language
    assert i18n.configured_language(settings) == i18n.system_language()
    assert i18n.system_language(QLocale("zh_HK")) == "zh_TW"
    assert i18n.system_language(QLocale("zh_Hant_TW")) == "zh_TW"
    assert i18n.system_language(QLocale("zh_SG")) == "zh_CN"
    assert i18n.system_language(QLocale("de_DE")) == "en"


def test_unknown_language_falls_back_to_english(qapp, language) -> None:  # type: ignore[no-untyped-def]
    assert language("klingon") in ("en", "zh_CN", "zh_TW")  # the configured one, never an error
    assert language("en") == "en"
    assert QLocale().language() == QLocale.Language.English


def test_dates_numbers_and_money_follow_the_locale(language) -> None:  # type: ignore[no-untyped-def]
    from decimal import Decimal

    moment = dt.datetime(2026, 3, 14, 1, 5, tzinfo=dt.UTC)
    language("en")
    assert i18n.date_time_text(moment, TZ) == "2026-03-14 09:05"
    assert i18n.date_text(dt.date(2026, 3, 14)) == "2026-03-14"
    assert i18n.number_text(12345) == "12,345"
    assert i18n.number_text(Decimal("1234.50")) == "1,234.50"
    assert i18n.money_text(Decimal("1234.5"), "USD") == "$1,234.50"
    language("zh_CN")
    assert i18n.date_time_text(moment, TZ) == "2026/3/14 09:05"
    assert i18n.money_text(Decimal("1234.5"), "CNY") == "¥1,234.50"
    assert i18n.money_text(Decimal("8"), "usd") == "USD 8.00"
    language("zh_TW")
    assert i18n.date_time_text(moment, TZ) == "2026/3/14 上午9:05"
    assert i18n.date_time_text(None, TZ) == ""
