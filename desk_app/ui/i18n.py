"""Loading the translations: ours (``desk_app_zh_CN.qm``) and Qt's own
(``qtbase_zh_CN.qm``, so Qt's dialogs and buttons speak Chinese too).

The source strings are English; Chinese is the default language of the program.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desk_app.paths import translations_dir

CATALOG = "desk_app"
_TRANSLATORS_PROPERTY = "_desk_translators"
_language = "zh_CN"


def current_language() -> str:
    """The language the interface speaks now (``zh_CN`` or ``en``)."""
    return _language


def catalog_file(language: str = "zh_CN") -> str:
    return f"{CATALOG}_{language}.qm"


def _remove_installed(app: QCoreApplication) -> None:
    for translator in getattr(app, _TRANSLATORS_PROPERTY, []):
        app.removeTranslator(translator)
    setattr(app, _TRANSLATORS_PROPERTY, [])


def install_translators(app: QCoreApplication, language: str) -> list[str]:
    """Install the translators for ``language``; returns the catalogues loaded.

    English needs none (it is the source language). The default locale is set
    too, so numbers and dates do not depend on the machine's locale.
    """
    global _language
    _remove_installed(app)
    _language = language
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return []
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    loaded: list[str] = []
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(catalog_file(language), str(translations_dir())):
        app.installTranslator(ours)
        installed.append(ours)
        loaded.append(catalog_file(language))
    qt_catalog = f"qtbase_{language}.qm"
    qt = QTranslator(app)
    for folder in (
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(translations_dir()),
    ):
        if qt.load(qt_catalog, folder):
            app.installTranslator(qt)
            installed.append(qt)
            loaded.append(qt_catalog)
            break
    setattr(app, _TRANSLATORS_PROPERTY, installed)
    return loaded


def QT_TRANSLATE_NOOP(context: str, source_text: str) -> str:  # noqa: N802 - lupdate's name
    """Mark ``source_text`` for translation in ``context`` and return it unchanged (as
    PySide6's own, which its stubs type as returning ``object``); lupdate finds it by name."""
    return source_text
