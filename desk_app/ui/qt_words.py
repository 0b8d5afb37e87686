"""Qt's own words that its Chinese catalogue (qtbase_zh_CN.qm) lacks: Qt 6 changed their
source text (``Look in:`` became ``&Look in:``), so its file dialog spoke English in a
Chinese window. Our catalogue carries them under Qt's contexts; the translator is asked
for them like any other string."""

from __future__ import annotations

from desk_app.ui.i18n import QT_TRANSLATE_NOOP

QT_WORDS = (
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&Look in:")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:")),
    ("QAbstractFileIconProvider", QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder")),
    ("QAbstractFileIconProvider", QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive")),
    ("QAbstractFileIconProvider", QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File")),
)
"""(context, source) of each; the contexts are Qt's classes, not ours."""
