"""A view refreshes at once when shown, and only once it is shown again when hidden."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desk_app.ui.widgets.shown_refresh import ShownRefresh


def test_refreshes_now_when_shown_and_on_the_next_show_when_hidden(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    calls = []
    refresh = ShownRefresh(widget, lambda: calls.append(1))
    widget.show()
    qtbot.waitExposed(widget)
    refresh.changed()
    assert calls == [1] and not refresh.stale
    widget.hide()
    refresh.changed()
    refresh.changed()
    assert calls == [1] and refresh.stale
    widget.show()
    assert calls == [1, 1] and not refresh.stale
    widget.hide()
    widget.show()
    assert calls == [1, 1]  # nothing changed meanwhile
