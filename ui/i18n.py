"""The language of the screens: chosen at start, spoken by Qt's translators, used for dates.

The station's `ui/language` setting (Edit > Settings > Station) picks English, Simplified or
Traditional Chinese; without it the computer's own language decides, when it is one of them, else
English. Screens translate through Qt (`tr()`, resources/translations/*.ts compiled to .qm);
core's words (policy explanations, intake reasons) come from core.messages in
`current_language()`. Qt's own translations give the standard buttons (OK, Cancel...) in the
same language.
"""

from __future__ import annotations

import datetime as dt
import logging
import subprocess
import sys
from decimal import Decimal
from importlib import resources
from pathlib import Path

import platformdirs
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTime,
    QTranslator,
)

from core.errors import UserError
from ui.settings.keys import LANGUAGE, LANGUAGES, station_settings

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "en"
CATALOGUE = "repairbench"  # resources/translations/repairbench_<language>.ts / .qm
_TRADITIONAL_TERRITORIES = (QLocale.Country.Taiwan, QLocale.Country.HongKong,
                            QLocale.Country.Macao)

_current = DEFAULT_LANGUAGE
_installed: list[QTranslator] = []


def translations_folder() -> Path:
    """Where the .ts sources (and the .qm files `make` compiles from them) are."""
    return Path(str(resources.files("resources") / "translations"))


def system_language(locale: QLocale | None = None) -> str:
    """The computer's language if the screens speak it: zh_TW for Traditional Chinese (Taiwan,
    Hong Kong, Macao), zh_CN for other Chinese, else English."""
    locale = locale if locale is not None else QLocale.system()
    if locale.language() != QLocale.Language.Chinese:
        return DEFAULT_LANGUAGE
    traditional = (locale.script() == QLocale.Script.TraditionalHanScript
                   or (locale.script() != QLocale.Script.SimplifiedHanScript
                       and locale.territory() in _TRADITIONAL_TERRITORIES))
    return "zh_TW" if traditional else "zh_CN"


def configured_language(settings: QSettings | None = None) -> str:
    """The station's `ui/language`, or the computer's language when it is unset or unknown."""
    value = str((settings if settings is not None else station_settings()).value(LANGUAGE, "")
                or "")
    return value if value in LANGUAGES else system_language()


def locale_for(language: str) -> QLocale:
    """The locale whose dates and numbers go with a screen language."""
    if language == "zh_CN":
        return QLocale(QLocale.Language.Chinese, QLocale.Script.SimplifiedHanScript,
                       QLocale.Country.China)
    if language == "zh_TW":
        return QLocale(QLocale.Language.Chinese, QLocale.Script.TraditionalHanScript,
                       QLocale.Country.Taiwan)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def compile_catalogue(ts: Path, qm: Path) -> None:
    """Compile one .ts into .qm with Qt's lrelease (shipped in the PySide6 wheel).

    Raises:
        OSError, subprocess.SubprocessError: lrelease is missing or failed.
    """
    qm.parent.mkdir(parents=True, exist_ok=True)
    # PySide6's own launcher finds lrelease on every platform.
    subprocess.run([sys.executable, "-c", "from PySide6.scripts.pyside_tool import lrelease; "
                    "lrelease()", "-silent", str(ts), "-qm", str(qm)],
                   check=True, capture_output=True, timeout=120)


def _fresh(qm: Path, ts: Path) -> bool:
    return qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime


def compiled_catalogue(language: str, folder: Path | None = None,
                       cache: Path | None = None) -> Path | None:
    """The .qm of `language`: the one `make` built beside its .ts, else one compiled now into
    the user cache folder (a checkout run without make, a wheel built without the .qm files).

    None when there is no .ts for the language or it cannot be compiled (English then shows).
    """
    folder = folder if folder is not None else translations_folder()
    ts = folder / f"{CATALOGUE}_{language}.ts"
    if not ts.is_file():
        return None
    beside = ts.with_suffix(".qm")
    if _fresh(beside, ts):
        return beside
    cache = cache if cache is not None else Path(
        platformdirs.user_cache_dir("RepairBench", appauthor=False)) / "translations"
    cached = cache / beside.name
    if _fresh(cached, ts):
        return cached
    try:
        compile_catalogue(ts, cached)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("cannot compile %s (%s); the screens stay in English", ts.name, exc)
        return beside if beside.is_file() else None
    return cached


def install(language: str | None = None, app: QCoreApplication | None = None) -> str:
    """Make `language` (default: the configured one) the language of every screen built after.

    Replaces the translators installed before; Qt then sends every widget a LanguageChange event.
    Returns the language now in use (English when the one asked for is unknown).
    """
    global _current
    app = app if app is not None else QCoreApplication.instance()
    if app is None:
        raise RuntimeError("the Qt application must exist before its language is set")
    if language not in LANGUAGES:
        language = configured_language()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language != DEFAULT_LANGUAGE:
        qt_own = QTranslator(app)
        if qt_own.load(locale_for(language), "qtbase", "_",
                       QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_own)
            _installed.append(qt_own)
        ours = QTranslator(app)
        path = compiled_catalogue(language)
        if path is not None and ours.load(str(path)):
            app.installTranslator(ours)
            _installed.append(ours)
        else:
            log.warning("no translation for %s; the screens stay in English", language)
    QLocale.setDefault(locale_for(language))
    _current = language
    return language


def current_language() -> str:
    """The language of the screens ("en", "zh_CN" or "zh_TW"), as core.messages takes it."""
    return _current


def date_time_text(moment: dt.datetime | None, tz: dt.tzinfo) -> str:
    """A stored UTC time as the center's wall-clock time in the screen's language.

    English keeps ISO 8601 (2026-03-14 09:05), as imports, reports and the command line write it;
    Chinese uses its locale's short form (2026/3/14 09:05, 2026/3/14 上午9:05).
    """
    if moment is None:
        return ""
    local = moment.astimezone(tz)
    if _current == DEFAULT_LANGUAGE:
        return local.strftime("%Y-%m-%d %H:%M")
    value = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    return QLocale().toString(value, QLocale.FormatType.ShortFormat)


def date_text(day: dt.date | None) -> str:
    """A date in the screen's language (ISO 8601 in English, 2026/3/14 in Chinese)."""
    if day is None:
        return ""
    if _current == DEFAULT_LANGUAGE:
        return day.isoformat()
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def number_text(value: int | float | Decimal) -> str:
    """A count or quantity with the locale's digit grouping (12,345)."""
    if isinstance(value, int):
        return QLocale().toString(value)
    if isinstance(value, Decimal):  # as many decimals as the amount has (1234.50 stays so)
        return QLocale().toString(float(value), "f", max(0, -int(value.as_tuple().exponent)))
    return QLocale().toString(value, "g", QLocale.FloatingPointPrecisionOption.FloatingPointShortest)


def money_text(amount: Decimal, currency: str) -> str:
    """An amount with its currency: the locale's symbol for its own currency (¥1,234.50),
    else the ISO code (USD 1,234.50)."""
    locale = QLocale()
    own = locale.currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode)
    symbol = (locale.currencySymbol(QLocale.CurrencySymbolFormat.CurrencySymbol)
              if currency.upper() == own else f"{currency.upper()} ")
    return locale.toCurrencyString(float(amount), symbol, 2)


def error_text(error: BaseException) -> str:
    """What went wrong, for a screen: a refusal from core in the screen's language, any other
    error as it reads."""
    if isinstance(error, UserError):
        return error.in_language(current_language())
    return str(error)
