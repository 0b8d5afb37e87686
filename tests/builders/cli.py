"""Run the real `desk-app` command in a child process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_cli(
    *args: str,
    input_text: str | None = None,
    timeout: float = 180,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    child_env = dict(os.environ)
    child_env["QT_QPA_PLATFORM"] = "offscreen"
    child_env["PYTHONIOENCODING"] = "utf-8"
    if env:
        child_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "desk_app", *args],
        input=input_text,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=child_env,
        cwd=Path(__file__).resolve().parents[2],
    )
