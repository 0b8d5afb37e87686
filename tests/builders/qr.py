"""The codes a label sheet's QR codes give back, as a scanner would read them: each page
rendered to PNG by poppler's pdftoppm, cut into its labels, each label decoded by zbarimg
(Debian's zbar-tools). zbar finds only some of forty codes on a whole page, so each label
is decoded on its own — which also proves each code sits inside its own label.

Without the tools a test is skipped on a developer's machine; under CI it fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from desk_app.printing import key_labels
from tests.builders.pdf import poppler

DPI = 150
MM = DPI / 25.4  # pixels per mm


def zbarimg() -> str:
    exe = shutil.which("zbarimg")
    if exe is not None:
        return exe
    if os.environ.get("CI"):
        pytest.fail("zbarimg (zbar-tools) is missing: the CI set-up must install it")
    pytest.skip("zbarimg (zbar-tools) is not installed")


def label_images(pdf: bytes, folder: Path) -> list[Path]:
    """Every label of every page as its own PNG, in print order (blank labels included)."""
    subprocess.run(
        [poppler("pdftoppm"), "-r", str(DPI), "-png", "-", str(folder / "page")],
        input=pdf,
        check=True,
        timeout=120,
    )
    width_mm, height_mm = 210.0, 297.0
    left = (width_mm - key_labels.COLUMNS * key_labels.LABEL_WIDTH) / 2
    top = (height_mm - key_labels.ROWS * key_labels.LABEL_HEIGHT) / 2
    labels: list[Path] = []
    for page in sorted(folder.glob("page-*.png")):
        image = Image.open(page)
        for index in range(key_labels.PER_SHEET):
            row, column = divmod(index, key_labels.COLUMNS)
            x = left + column * key_labels.LABEL_WIDTH
            y = top + row * key_labels.LABEL_HEIGHT
            box = (
                round(x * MM),
                round(y * MM),
                round((x + key_labels.LABEL_WIDTH) * MM),
                round((y + key_labels.LABEL_HEIGHT) * MM),
            )
            path = folder / f"{page.stem}-label{index:02d}.png"
            image.crop(box).save(path)
            labels.append(path)
    return labels


def decode(image: Path) -> list[str]:
    """The QR codes zbar reads in one image."""
    done = subprocess.run(
        [zbarimg(), "-q", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],
        capture_output=True,
        timeout=30,
    )
    # 4: nothing found — a blank label
    assert done.returncode in (0, 4), done.stderr
    return done.stdout.decode("utf-8").split()


def label_codes(pdf: bytes, folder: Path) -> list[str | None]:
    """Each label's decoded code in print order (None for a blank label); a label with
    more than one code fails."""
    codes: list[str | None] = []
    for image in label_images(pdf, folder):
        found = decode(image)
        assert len(found) <= 1, (image, found)
        codes.append(found[0] if found else None)
    return codes
