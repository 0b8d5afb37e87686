"""desk-app selftest: the smoke test of an installed or frozen build."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click


def _step(name: str) -> None:
    click.echo(f"  … {name}")


@click.command()
@click.option("--keep", is_flag=True, help="保留临时目录以便查看。")
def selftest(keep: bool) -> None:
    """自检：临时数据库读写、中文 PDF、QtPdf 显示、翻译、主窗口（离屏）。"""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(tempfile.mkdtemp(prefix="desk-selftest-"))
    try:
        _run(folder)
    finally:
        if keep:
            click.echo(f"临时目录：{folder}")
        else:
            import shutil

            shutil.rmtree(folder, ignore_errors=True)
    click.echo("自检通过。")


def _run(folder: Path) -> None:
    from desk_app.core.errors import DeskError
    from desk_app.services.desk import Desk, documents
    from desk_app.services.shifts import login, operators

    _step("数据库：创建、迁移、写入、读取")
    desk = Desk.open(folder / "selftest.sqlite3")
    try:
        operators.create_first_manager(desk, "selftest", "自检", "selftest-pass")
        login.login(desk, "selftest", "selftest-pass", login.shift_names(desk)[0])
        _step("打印：渲染含中文的 PDF 并存档")
        printed = documents.print_form(
            desk,
            "selftest",
            {
                "estate_name": "自检小区",
                "printed_at": desk.now_text(),
                "note": "这是一张自检打印样张，检查中文、标点（，。！）和金额。",
                "amounts": [{"item": "物业服务费", "amount": 123450}],
                "amount": 123450,
            },
            record_table="selftest",
            record_id=1,
        )
        if documents.pdf_of(desk, printed.id) != printed.pdf:
            raise DeskError("存档的 PDF 与打印的不一致。")
        pdf_path = folder / "selftest.pdf"
        pdf_path.write_bytes(printed.pdf)
        from desk_app.storage.desk.integrity import full_check

        failed = [r for r in full_check(desk.db) if not r.ok]
        if failed:
            raise DeskError(
                "数据库检查未通过：" + "；".join(f"{r.name} {r.detail}" for r in failed)
            )
        _step("界面：加载翻译、QtPdf 显示 PDF、离屏打开主窗口")
        from desk_app.ui.selftest import run_ui_selftest

        run_ui_selftest(desk, pdf_path)
    finally:
        desk.close()
