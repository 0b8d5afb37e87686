"""The window's start in a child process, stopped at the login dialog: what the
clerk would see in message boxes is printed (``MESSAGE kind: text``), questions are
answered "no", and the exit code is ``run_gui``'s.

    python -m tests.builders.window_start DB_PATH
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(db_path: str) -> int:
    from desk_app.core.errors import DeskError
    from desk_app.ui import app, messages

    def show(kind: str):
        def shown(parent, text, title=None) -> None:
            print(f"MESSAGE {kind}: {' '.join(str(text).split())}", flush=True)

        return shown

    for kind in ("info", "warning", "critical"):
        setattr(messages, kind, show(kind))

    def confirm(parent, text, title=None) -> bool:
        print(f"MESSAGE question: {' '.join(str(text).split())}", flush=True)
        return False

    messages.confirm = confirm

    def start(self) -> bool:
        # In place of the login dialog: its first write waits for the background check
        # and, refused, shows the error in a box; then the clerk gives up.
        try:
            self.desk.wait_for_quick_check()
        except DeskError as error:
            messages.desk_error(None, error)
        return False

    app.DeskSession.start = start
    return app.run_gui(Path(db_path), "zh_CN")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
