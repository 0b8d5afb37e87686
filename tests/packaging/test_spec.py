"""The PyInstaller spec, checked without freezing anything.

The spec is executed with stand-ins for PyInstaller's build classes (Analysis, PYZ,
EXE, COLLECT) and its hook helpers, which record what they are given: so these
tests need neither PyInstaller nor a build, and take milliseconds. The real build is
`test_freeze_and_selftest` (opt-in: DESK_APP_FREEZE_TEST=1).
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
SPEC = PACKAGING / "desk_app.spec"
SCRIPT = PACKAGING / "freeze_and_selftest.sh"

USED_QT = ["QtCore", "QtGui", "QtWidgets", "QtPdf", "QtPdfWidgets", "QtPrintSupport"]

# What PyInstaller's own hooks would add to Analysis.datas / .binaries, to check the
# spec's filters on them.
HOOK_DATAS = [
    "PySide6/Qt/translations/qtbase_zh_CN.qm",
    "PySide6/Qt/translations/qt_zh_CN.qm",
    "PySide6/Qt/translations/qtbase_en.qm",
    "PySide6/Qt/translations/qtbase_de.qm",
    "PySide6/Qt/translations/qt_help_zh_CN.qm",
    "PySide6\\Qt\\translations\\qtbase_ja.qm",
]
HOOK_BINARIES = ["PySide6/opengl32sw.dll", "PySide6/Qt6Gui.dll", "PySide6/Qt6Pdf.dll"]


class Recorder:
    """Stands in for one PyInstaller build class; remembers every call."""

    def __init__(self, kind: str, calls: list):
        self.kind = kind
        self.calls = calls

    def __call__(self, *args, **kwargs):
        target = types.SimpleNamespace(kind=self.kind, args=args, kwargs=kwargs)
        if self.kind == "Analysis":
            target.scripts = ["<scripts>"]
            target.pure = ["<pure>"]
            target.datas = [
                (os.path.join(dest, os.path.basename(src)), src, "DATA")
                for src, dest in kwargs["datas"]
            ] + [(name, "/qt/" + name, "DATA") for name in HOOK_DATAS]
            target.binaries = [(name, "/qt/" + name, "BINARY") for name in HOOK_BINARIES]
        self.calls.append(target)
        return target


def _stub_pyinstaller(monkeypatch, hook_calls: list) -> None:
    def collect_data_files(package, *args, **kwargs):
        hook_calls.append(("collect_data_files", package))
        return [(f"/site-packages/{package}/config.yaml", package)] if package == "cn2an" else []

    def collect_submodules(package, filter=None, **kwargs):
        hook_calls.append(("collect_submodules", package))
        names = [package, f"{package}.__main__", f"{package}.ui.app"]
        return [name for name in names if filter is None or filter(name)]

    class VersionPart:
        def __init__(self, *args, **kwargs):
            self.args, self.kwargs = args, kwargs

    modules = {
        "PyInstaller": types.ModuleType("PyInstaller"),
        "PyInstaller.utils": types.ModuleType("PyInstaller.utils"),
        "PyInstaller.utils.hooks": types.ModuleType("PyInstaller.utils.hooks"),
        "PyInstaller.utils.win32": types.ModuleType("PyInstaller.utils.win32"),
        "PyInstaller.utils.win32.versioninfo": types.ModuleType("versioninfo"),
    }
    modules["PyInstaller.utils.hooks"].collect_data_files = collect_data_files
    modules["PyInstaller.utils.hooks"].collect_submodules = collect_submodules
    for name in (
        "FixedFileInfo",
        "StringFileInfo",
        "StringStruct",
        "StringTable",
        "VarFileInfo",
        "VarStruct",
        "VSVersionInfo",
    ):
        setattr(modules["PyInstaller.utils.win32.versioninfo"], name, VersionPart)
    for name, module in modules.items():
        monkeypatch.setitem(sys.modules, name, module)


def run_spec(
    monkeypatch,
    *,
    specpath: Path = PACKAGING,
    platform: str | None = None,
    launcher: str | None = None,
) -> dict:
    """Execute the spec with recording stand-ins; returns what it built."""
    calls: list = []
    hook_calls: list = []
    _stub_pyinstaller(monkeypatch, hook_calls)
    if platform:
        monkeypatch.setattr(sys, "platform", platform)
    if launcher is None:
        monkeypatch.delenv("DESK_APP_GUI_LAUNCHER", raising=False)
    else:
        monkeypatch.setenv("DESK_APP_GUI_LAUNCHER", launcher)
    namespace = {
        "__name__": "__main__",
        "SPECPATH": str(specpath),
        **{kind: Recorder(kind, calls) for kind in ("Analysis", "PYZ", "EXE", "COLLECT")},
    }
    source = (specpath / "desk_app.spec").read_text(encoding="utf-8")
    exec(compile(source, str(specpath / "desk_app.spec"), "exec"), namespace)
    by_kind: dict[str, list] = {}
    for call in calls:
        by_kind.setdefault(call.kind, []).append(call)
    return {"calls": by_kind, "hooks": hook_calls, "ns": namespace}


def analysis_of(result: dict):
    (analysis,) = result["calls"]["Analysis"]
    return analysis


# --- static checks -----------------------------------------------------------------


def test_spec_is_valid_python():
    ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))
    ast.parse((PACKAGING / "desk_app_entry.py").read_text(encoding="utf-8"))


ABSOLUTE = re.compile(r"^(?:/[^/\s]+|~[/\\]|[A-Za-z]:[\\/]|\\\\[^\\]+)")


def _string_constants(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value


def test_spec_names_no_absolute_path():
    source = SPEC.read_text(encoding="utf-8")
    strings = list(_string_constants(ast.parse(source)))
    assert strings
    absolute = [s for s in strings if ABSOLUTE.match(s.strip())]
    assert absolute == []
    for machine_path in {str(REPO), str(Path.home()), "/work/", "/home/", "C:\\Users"}:
        assert machine_path not in source
    assert "SPECPATH" in source


def test_spec_lists_resources_and_forms_and_excludes_webengine_statically():
    strings = set(_string_constants(ast.parse(SPEC.read_text(encoding="utf-8"))))
    assert {"resources", "forms"} <= strings
    assert "QtWebEngineCore" in strings and "QtWebEngineWidgets" in strings


# --- executing the spec with stand-ins ----------------------------------------------


def _repo_data_files(tree: str) -> list[Path]:
    return [
        path
        for path in sorted((REPO / tree).rglob("*"))
        if path.is_file()
        and "__pycache__" not in path.parts
        and not any(part.startswith(".") for part in path.relative_to(REPO).parts)
        and path.suffix not in {".ts", ".pro", ".pyc"}
    ]


def test_every_file_of_resources_and_forms_travels_as_data(monkeypatch):
    datas = analysis_of(run_spec(monkeypatch)).kwargs["datas"]
    pairs = {(Path(src).resolve(), dest.replace("\\", "/")) for src, dest in datas}
    expected = _repo_data_files("resources") + _repo_data_files("forms")
    assert any(path.suffix == ".toml" for path in expected)
    for path in expected:
        assert (path.resolve(), path.parent.relative_to(REPO).as_posix()) in pairs, path
    sources = {src for src, _ in pairs}
    for font in ("BabelStoneHan-GBK.ttf", "BabelStoneHan-Rare.ttf", "HanaMinA-ExtA.ttf"):
        assert (REPO / "resources/fonts" / font).resolve() in sources
    for licence in ("LICENSE-BabelStoneHan", "LICENSE-gbsn00lp", "LICENSE-HanaMinA"):
        assert (REPO / "resources/fonts" / licence / "debian-copyright").resolve() in sources


def test_paths_follow_the_spec_not_the_build_machine(monkeypatch, tmp_path):
    """A checkout elsewhere: every data path comes from SPECPATH."""
    (tmp_path / "packaging").mkdir()
    shutil.copy(SPEC, tmp_path / "packaging" / "desk_app.spec")
    (tmp_path / "desk_app").mkdir()
    (tmp_path / "desk_app" / "__init__.py").write_text('__version__ = "9.8.7"\n')
    (tmp_path / "forms").mkdir()
    (tmp_path / "forms" / "receipt.toml").write_text("[form]\n")
    (tmp_path / "resources" / "translations").mkdir(parents=True)
    (tmp_path / "resources" / "translations" / "desk_app_zh_CN.qm").write_bytes(b"qm")
    (tmp_path / "resources" / "translations" / "desk_app_zh_CN.ts").write_text("<TS/>")
    (tmp_path / "resources" / ".DS_Store").write_bytes(b"")

    result = run_spec(monkeypatch, specpath=tmp_path / "packaging")
    analysis = analysis_of(result)
    datas = sorted((Path(src), dest.replace("\\", "/")) for src, dest in analysis.kwargs["datas"])
    ours = [(src, dest) for src, dest in datas if str(src).startswith(str(tmp_path))]
    assert ours == [
        (tmp_path / "forms" / "receipt.toml", "forms"),
        (tmp_path / "resources" / "translations" / "desk_app_zh_CN.qm", "resources/translations"),
    ]
    assert analysis.args[0] == [os.path.join(str(tmp_path / "packaging"), "desk_app_entry.py")]
    assert analysis.kwargs["pathex"] == [str(tmp_path)]
    assert result["ns"]["VERSION"] == "9.8.7"


def test_only_the_qt_modules_in_use_are_collected(monkeypatch):
    analysis = analysis_of(run_spec(monkeypatch))
    excludes = set(analysis.kwargs["excludes"])
    hidden = analysis.kwargs["hiddenimports"]
    for name in USED_QT:
        assert f"PySide6.{name}" in hidden
        assert f"PySide6.{name}" not in excludes
    for name in [
        "QtWebEngineCore",
        "QtWebEngineWidgets",
        "QtWebEngineQuick",
        "QtQml",
        "QtQuick",
        "Qt3DCore",
        "QtMultimedia",
        "QtCharts",
        "QtDataVisualization",
        "QtNetwork",
    ]:
        assert f"PySide6.{name}" in excludes
    assert {"tkinter", "PyQt5", "PyQt6", "PySide2", "pytest"} <= excludes
    assert "desk_app.ui.app" in hidden  # lazily imported UI modules are collected
    assert "desk_app.__main__" not in hidden


def test_cn2an_data_files_are_collected(monkeypatch):
    result = run_spec(monkeypatch)
    assert ("collect_data_files", "cn2an") in result["hooks"]
    assert ("collect_data_files", "proces") in result["hooks"]
    assert ("/site-packages/cn2an/config.yaml", "cn2an") in analysis_of(result).kwargs["datas"]


def test_collected_qt_translations_are_pruned_and_ours_kept(monkeypatch, tmp_path):
    analysis = analysis_of(run_spec(monkeypatch))
    names = {dest.replace("\\", "/") for dest, _src, _kind in analysis.datas}
    assert "PySide6/Qt/translations/qtbase_zh_CN.qm" in names
    assert "PySide6/Qt/translations/qt_zh_CN.qm" in names
    assert "PySide6/Qt/translations/qtbase_de.qm" not in names
    assert "PySide6/Qt/translations/qtbase_ja.qm" not in names
    assert "PySide6/Qt/translations/qt_help_zh_CN.qm" not in names
    keep = run_spec(monkeypatch)["ns"]["keep_collected_data"]
    assert keep("resources/translations/desk_app_zh_CN.qm")
    assert keep("resources\\translations\\desk_app_en.qm")
    assert keep("forms/receipt.toml")


def test_software_opengl_is_dropped(monkeypatch):
    analysis = analysis_of(run_spec(monkeypatch))
    names = {os.path.basename(dest) for dest, _src, _kind in analysis.binaries}
    assert names == {"Qt6Gui.dll", "Qt6Pdf.dll"}


def test_linux_build_one_console_executable(monkeypatch):
    calls = run_spec(monkeypatch, platform="linux")["calls"]
    (exe,) = calls["EXE"]
    assert exe.kwargs["name"] == "desk-app"
    assert exe.kwargs["console"] is True
    assert exe.kwargs["exclude_binaries"] is True  # one-folder
    assert exe.kwargs["upx"] is False
    assert exe.kwargs["version"] is None and exe.kwargs["icon"] is None
    (collect,) = calls["COLLECT"]
    assert collect.kwargs["name"] == "desk-app"
    assert exe in collect.args


def test_windows_build_console_exe_and_windowed_launcher(monkeypatch):
    calls = run_spec(monkeypatch, platform="win32")["calls"]
    cli, gui = calls["EXE"]
    assert (cli.kwargs["name"], cli.kwargs["console"]) == ("desk-app", True)
    assert (gui.kwargs["name"], gui.kwargs["console"]) == ("DeskApp", False)
    for exe in (cli, gui):
        assert exe.kwargs["strip"] is False and exe.kwargs["upx"] is False
        assert exe.kwargs["version"] is not None
    (collect,) = calls["COLLECT"]
    assert cli in collect.args and gui in collect.args  # one shared _internal folder
    assert collect.kwargs["strip"] is False


@pytest.mark.parametrize(("platform", "launcher", "count"), [("linux", "1", 2), ("win32", "0", 1)])
def test_launcher_can_be_forced(monkeypatch, platform, launcher, count):
    calls = run_spec(monkeypatch, platform=platform, launcher=launcher)["calls"]
    assert len(calls["EXE"]) == count


# --- the real thing (opt-in) --------------------------------------------------------


def test_freeze_script_is_valid_bash():
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash")
    subprocess.run([bash, "-n", str(SCRIPT)], check=True)


@pytest.mark.freeze
@pytest.mark.skipif(
    os.environ.get("DESK_APP_FREEZE_TEST") != "1",
    reason="freezing takes ~30 s to minutes; set DESK_APP_FREEZE_TEST=1",
)
def test_freeze_and_selftest(tmp_path):
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    completed = subprocess.run(
        ["bash", str(SCRIPT), str(tmp_path / "freeze")],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    output = completed.stdout + completed.stderr
    assert completed.returncode == 0, output[-6000:]
    assert "desk-app, version" in output
    assert "自检通过" in output
