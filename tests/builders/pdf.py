"""A PDF's text as poppler's pdftotext reads it (page by page, or in one).

Without poppler-utils a test that reads a PDF is skipped on a developer's machine; under
CI (``CI`` set) it fails, so that a missing install step cannot hide a broken form.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest


def poppler(tool: str = "pdftotext") -> str:
    """The path of a poppler tool (pdftotext, pdfinfo)."""
    exe = shutil.which(tool)
    if exe is not None:
        return exe
    if os.environ.get("CI"):
        pytest.fail(f"{tool} (poppler-utils) is missing: the CI set-up must install it")
    pytest.skip(f"{tool} (poppler-utils) is not installed")


def pdf_text(pdf: bytes | Path, *, layout: bool = True) -> str:
    """The whole text of a PDF (bytes or a file); pages are separated by form feeds."""
    args = [poppler(), "-enc", "UTF-8"] + (["-layout"] if layout else [])
    if isinstance(pdf, Path):
        args += [str(pdf), "-"]
        data = None
    else:
        args += ["-", "-"]
        data = pdf
    return subprocess.run(
        args, input=data, capture_output=True, check=True, timeout=30
    ).stdout.decode("utf-8")


def pdf_pages(pdf: bytes | Path, *, layout: bool = True) -> list[str]:
    """The text of each page."""
    pages = pdf_text(pdf, layout=layout).split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def squash(text: str) -> str:
    """pdftotext spaces CJK text out; compare without whitespace."""
    return re.sub(r"\s+", "", text)
