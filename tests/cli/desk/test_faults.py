"""The fault matrix: a missing, read-only, locked, corrupt or full database × check,
backup, restore, a ledger write, an import and the window's start, each in a child
process on a real file. Every cell: one line (no traceback), the right exit code, and
nothing created (no database, no folder, no backup, no partial file)."""

from __future__ import annotations

import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from desk_app.storage.instance_lock import InstanceLock
from tests.builders.cli import run_cli
from tests.builders.roster_workbooks import roster_rows, write_roster

ROOT = Path(__file__).resolve().parents[3]
DEMO = ("demo", "--units", "30", "--years", "1", "--until", "2026-11-01", "--seed", "3")
# SQLite's own files and the instance lock beside an existing database are not "created".
SQLITE_OWN = ("-wal", "-shm", ".lock")

ACTIONS = ("check", "backup", "restore", "ledger_write", "import", "window")
FAULTS = ("missing", "read_only", "locked", "instance_lock", "corrupt", "disk_full")

EXPECTED: dict[str, dict[str, tuple[int, str]]] = {
    # fault: action: (exit code, words of the one line); check reads, so it still runs
    # where reading is possible; a backup runs beside the open window (it only reads).
    "missing": {
        **{action: (3, "数据库文件不存在") for action in ACTIONS},
        "restore": (3, "数据库文件夹不存在"),
        "window": (0, "处没有数据库"),  # the window asks first (in Chinese): answered no
    },
    "read_only": {
        **{action: (3, "只读") for action in ACTIONS},
        "check": (0, "全部检查通过"),
        "window": (2, "只读"),
    },
    "locked": {
        **{action: (3, "数据库正忙或被锁定") for action in ACTIONS},
        "check": (0, "全部检查通过"),
        "restore": (3, "另一个程序"),
        "window": (2, "数据库正忙或被锁定"),
    },
    "instance_lock": {
        **{action: (3, "前台已打开") for action in ACTIONS},
        "check": (0, "全部检查通过"),
        "backup": (0, "备份完成并已校验"),
        "window": (2, "前台已打开"),
    },
    "corrupt": {
        **{action: (3, "损坏") for action in ACTIONS},
        "check": (2, "[失败] SQLite 完整性检查"),
        "restore": (3, "备份文件检查未通过"),  # the backup given is the damaged file
        # the window opens; the background check refuses the first write (at login)
        "window": (0, "损坏"),
    },
    "disk_full": {
        **{action: (3, "磁盘已满") for action in ACTIONS},
        "window": (2, "磁盘已满"),
    },
}


@dataclass
class Cell:
    folder: Path  # where the database lives (its folder is the fault's scope)
    db: Path
    backup: Path  # a sound backup to restore (outside the folder)
    roster: Path
    out: Path  # a writable folder for a PDF


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    db = folder / "desk.sqlite3"
    result = run_cli("--db", str(db), *DEMO)
    assert result.returncode == 0, result.stderr
    backup = run_cli("--db", str(db), "backup")
    assert backup.returncode == 0, backup.stderr
    return db


def command(action: str, cell: Cell) -> list[str]:
    db = str(cell.db)
    if action == "window":
        return [sys.executable, "-m", "tests.builders.window_start", db]
    args = {
        "check": ["check"],
        "backup": ["backup"],
        "restore": ["restore", "--yes", str(cell.backup)],
        "ledger_write": ["ledger", "notices", "--out", str(cell.out / "notices.pdf")],
        "import": ["import-roster", str(cell.roster)],
    }[action]
    return [sys.executable, "-m", "desk_app", "--db", db, *args]


def environment() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    return env


def listing(folder: Path) -> set[str]:
    if not folder.exists():
        return set()
    return {
        str(path.relative_to(folder))
        for path in folder.rglob("*")
        if not path.name.endswith(SQLITE_OWN)
    }


def set_up(tmp_path: Path, template: Path) -> Cell:
    folder = tmp_path / "estate"
    folder.mkdir()
    db = folder / "desk.sqlite3"
    shutil.copy(template, db)
    (backup,) = sorted((template.parent / "backups").glob("*.sqlite3"))
    spare = tmp_path / "spare"
    spare.mkdir()
    roster = write_roster(spare / "roster.xlsx", roster_rows(3, building="88"))
    return Cell(folder, db, shutil.copy(backup, spare / backup.name), roster, spare)


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """File and folder read-only; as root, where modes do not stop writes, immutable."""
    paths = [*folder.iterdir(), folder]
    if os.geteuid() == 0:
        if not shutil.which("chattr"):
            pytest.skip("running as root without chattr: a read-only file cannot be made")
        done = subprocess.run(["chattr", "+i", *map(str, paths)], capture_output=True)
        if done.returncode:
            pytest.skip(f"chattr +i refused here: {done.stderr.decode().strip()}")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", *map(str, paths)], check=True)
    else:
        modes = {path: path.stat().st_mode for path in paths}
        for path in paths:
            path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            for path, mode in modes.items():
                path.chmod(mode)


@contextmanager
def sqlite_locked(db: Path) -> Iterator[None]:
    """Another program holds the write lock (BEGIN EXCLUSIVE)."""
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def corrupt(path: Path) -> None:
    """Scattered damage: garbage over a handful of pages in the middle of the file."""
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        for fraction in (0.2, 0.35, 0.5, 0.65, 0.8):
            page = int(size * fraction) // 4096
            handle.seek(page * 4096)
            handle.write(b"\xa5" * 4096)


def disk_full_run(cell: Cell, argv: list[str], tmp_path: Path) -> tuple[int, str, str, set[str]]:
    """Run ``argv`` with the database's folder on a tiny tmpfs that is full (a private
    mount namespace, ``unshare``); the folder's listing after the run."""
    if sys.platform != "linux" or not shutil.which("unshare"):
        pytest.skip("a full disk is simulated with a tmpfs in a private mount namespace")
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", f"mount -t tmpfs -o size=64k tmpfs {tmp_path}/spare"],
        capture_output=True,
    )
    if probe.returncode:
        pytest.skip(f"no private mount namespace here: {probe.stderr.decode().strip()}")
    size = cell.db.stat().st_size + 256 * 1024
    staged = tmp_path / "staged"
    shutil.move(cell.folder, staged)
    cell.folder.mkdir()
    after = tmp_path / "after.txt"
    before = tmp_path / "before.txt"
    script = (
        f"mount -t tmpfs -o size={size} tmpfs {shlex.quote(str(cell.folder))} && "
        f"cp -a {shlex.quote(str(staged))}/. {shlex.quote(str(cell.folder))}/ && "
        f"(cat /dev/zero > {shlex.quote(str(cell.folder))}/filler 2>/dev/null; true) && "
        f"(cd {shlex.quote(str(cell.folder))} && find . -mindepth 1 | sort > {before}) && "
        f"{shlex.join(argv)}; rc=$?; "
        f"(cd {shlex.quote(str(cell.folder))} && find . -mindepth 1 | sort > {after}); exit $rc"
    )
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script],
        capture_output=True,
        text=True,
        env=environment(),
        cwd=ROOT,
        timeout=180,
    )

    def names(path: Path) -> set[str]:
        return {
            line.removeprefix("./")
            for line in path.read_text().splitlines()
            if not line.endswith(SQLITE_OWN)
        }

    created = names(after) - names(before)
    return done.returncode, done.stdout, done.stderr, created


@pytest.mark.slow
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("fault", FAULTS)
def test_fault_matrix(fault, action, template, tmp_path):
    cell = set_up(tmp_path, template)
    if fault == "missing":
        cell.db = tmp_path / "no-such-dir" / "desk.sqlite3"
        cell.folder = cell.db.parent
    if fault == "corrupt":
        corrupt(cell.backup if action == "restore" else cell.db)
    argv = command(action, cell)
    if fault == "disk_full":
        code, stdout, stderr, created = disk_full_run(cell, argv, tmp_path)
    else:
        before = listing(cell.folder)
        with fault_held(fault, cell):
            done = subprocess.run(
                argv, capture_output=True, text=True, env=environment(), cwd=ROOT, timeout=180
            )
        code, stdout, stderr = done.returncode, done.stdout, done.stderr
        created = listing(cell.folder) - before
        if fault == "missing":
            assert not cell.folder.exists(), "a folder was created"
    output = stdout + stderr
    expected_code, words = EXPECTED[fault][action]
    assert "Traceback" not in output, output
    assert words in output, output
    assert code == expected_code, output
    if expected_code != 0:
        assert created == set(), output
        # the error is one line on stderr (the window: one message box)
        if action == "window":
            said = [line for line in stdout.splitlines() if line.startswith("MESSAGE")]
        else:
            said = [line for line in stderr.splitlines() if line.strip()]
        assert len(said) == 1, output


@contextmanager
def fault_held(fault: str, cell: Cell) -> Iterator[None]:
    if fault == "read_only":
        with read_only(cell.folder):
            yield
    elif fault == "locked":
        with sqlite_locked(cell.db):
            yield
    elif fault == "instance_lock":
        with InstanceLock(cell.db):
            yield
    else:
        yield
