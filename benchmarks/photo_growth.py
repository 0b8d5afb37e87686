"""How much one defect photo grows the database file (the issue asks it measured).

    .venv/bin/python benchmarks/photo_growth.py [--photos 20]

A small demo estate (``desk-app demo --units 200 --years 1``) is generated in a temporary
directory; ``--photos`` camera-sized pictures (4000×3000 JPEG, quality 92, as a phone
saves them) are attached to one of its defects through ``defects.add_photo`` — which
downscales to 1600 px, JPEG q80 — and the file's used pages are counted before and after
(WAL checkpointed). Two kinds of picture: a wall (smooth shading, light grain) and a
busy scene (strong grain, near the worst case for JPEG). Printed, never asserted.
"""

from __future__ import annotations

import argparse
import io
import random
import sqlite3
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import UNTIL, child_env  # noqa: E402

from desk_app.core.clock import CHINA_TZ, FixedClock  # noqa: E402
from desk_app.services.desk import Desk  # noqa: E402
from desk_app.services.movein import defects  # noqa: E402
from desk_app.services.shifts import login  # noqa: E402

SIZE = (4000, 3000)


def picture(seed: int, grain: int) -> bytes:
    rng = random.Random(seed)
    small = Image.new("RGB", (40, 30))
    base = (rng.randrange(150, 230), rng.randrange(150, 230), rng.randrange(150, 230))
    small.putdata(
        [tuple(max(0, min(255, c + rng.randrange(-25, 25))) for c in base) for _ in range(1200)]
    )
    image = small.resize(SIZE, Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(image)
    for _ in range(12):  # a crack, a stain, a pipe: lines and blots
        x, y = rng.randrange(SIZE[0]), rng.randrange(SIZE[1])
        draw.line(
            (x, y, x + rng.randrange(-900, 900), y + rng.randrange(-900, 900)),
            fill=(60, 55, 50),
            width=rng.randrange(3, 25),
        )
    noise = Image.effect_noise(SIZE, grain).convert("RGB")
    image = Image.blend(image, noise, 0.12 if grain < 40 else 0.35)
    image = image.filter(ImageFilter.GaussianBlur(0.6))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=92)
    return out.getvalue()


def used_bytes(path: Path) -> int:
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages, free, size = (
        db.execute(f"PRAGMA {name}").fetchone()[0]
        for name in ("page_count", "freelist_count", "page_size")
    )
    db.close()
    return (pages - free) * size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="desk-photo-") as folder:
        path = Path(folder) / "estate.sqlite3"
        subprocess.run(
            [sys.executable, "-m", "desk_app", "--db", str(path), "demo", "--units", "200",
             "--years", "1", "--until", UNTIL],
            check=True, env=child_env(), capture_output=True,
        )  # fmt: skip
        clock = FixedClock(datetime.fromisoformat(UNTIL + "T10:00:00").replace(tzinfo=CHINA_TZ))
        print(
            f"{'picture':<12}{'photos':>7}{'camera file KB':>16}{'stored KB':>11}{'file growth KB':>16}"
        )
        for kind, grain in (("wall", 20), ("busy scene", 80)):
            pictures = [picture(n, grain) for n in range(args.photos)]
            before = used_bytes(path)
            with Desk.open(path, clock=clock) as desk:
                login.login(desk, "zhangli", "desk123", "早班")
                defect_id = desk.db.execute(
                    "SELECT id FROM movein_defects WHERE removed_at IS NULL ORDER BY id LIMIT 1"
                ).fetchone()[0]
                stored = [defects.add_photo(desk, defect_id, data).value for data in pictures]
            grown = used_bytes(path) - before
            camera = sum(map(len, pictures)) / len(pictures) / 1024
            kept = sum(len(p.image) for p in stored) / len(stored) / 1024
            print(
                f"{kind:<12}{len(pictures):>7}{camera:>16.0f}{kept:>11.0f}"
                f"{grown / len(pictures) / 1024:>16.0f}"
            )


if __name__ == "__main__":
    main()
