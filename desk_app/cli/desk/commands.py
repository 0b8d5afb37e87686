"""desk-app check / backup / restore / selftest: the desk's maintenance."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click

from desk_app.cli import options
from desk_app.core.errors import DatabaseMissing
from desk_app.services.desk import Desk, maintenance


@click.command()
@click.option(
    "--seal",
    "seal",
    metavar="CODE",
    help="核对纸面上的封存码（如 A1B2-C3D4-E5F6 #12345）：文件是否仍含当时的历史。",
)
@click.pass_context
def check(ctx: click.Context, seal: str | None) -> None:
    """完整性检查：integrity_check、外键、审计链、逐行比对、收据号、月结封存。全部通过才返回 0。"""
    results = maintenance.check_database(options.db_path(ctx), seal=seal)
    failed = False
    for result in results:
        label = maintenance.CHECK_LABELS.get(result.name, result.name)
        mark = "通过" if result.ok else "失败"
        click.echo(f"[{mark}] {label}" + (f"：{result.detail}" if result.detail else ""))
        failed = failed or not result.ok
    if failed:
        click.echo("检查未通过。", err=True)
        ctx.exit(2)
    click.echo("全部检查通过。")


@click.command()
@click.pass_context
def backup(ctx: click.Context) -> None:
    """立即备份数据库到 backups 目录（在线备份，写入后校验）。"""
    with options.open_for_backup(ctx) as desk:
        target = maintenance.backup_now(desk, reason="manual").value
    click.echo(f"备份完成并已校验：{target}")


@click.command()
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="不再询问，直接恢复（收据号码按号码日志接续）。")
@click.option(
    "--last-receipt",
    "last_receipts",
    type=click.IntRange(min=1),
    multiple=True,
    metavar="NUMBER",
    help="纸质收据本上最后一张已开收据的号码（可多次给出，每本一个）。",
)
@click.pass_context
def restore(ctx: click.Context, source: Path, yes: bool, last_receipts: tuple[int, ...]) -> None:
    """用备份文件 SOURCE 恢复数据库（先做完整检查；当前文件另存保留；备份之后开出的收据号码记为作废）。"""
    path = options.db_path(ctx)
    if not source.exists():
        raise DatabaseMissing(f"备份文件不存在：{source}")
    paper = list(last_receipts)
    if not yes:
        if not click.confirm(f"用 {source} 替换 {path}？当前文件会另存保留。", default=False):
            click.echo("已取消。")
            ctx.exit(1)
        if not paper:
            paper = _ask_paper_numbers(path, source)
    result = maintenance.restore(path, source, last_on_paper=paper)
    kept = f"，原文件保存在 {result.previous_kept_at}" if result.previous_kept_at else ""
    click.echo(f"已从 {source} 恢复{kept}。")
    for lost in result.lost:
        click.echo(
            f"收据本 {lost.book_first}–{lost.book_last}：备份之后开出的 {lost.first_no}–"
            f"{lost.last_no} 号已记为作废（恢复备份），下一张从 {lost.last_no + 1} 开始。"
        )


def _ask_paper_numbers(path: Path, source: Path) -> list[int]:
    """Where the journal knows numbers the backup does not, the paper book has the last
    word: ask for the last number written in it."""
    answers = []
    for book in maintenance.receipt_books_of_backup(path, source):
        if not book.behind:
            continue
        answers.append(
            click.prompt(
                f"收据本 {book.first_no}–{book.last_no}：备份记到 {book.in_backup or '（未用）'}，"
                f"号码日志记到 {book.in_journal}。纸质收据本上最后一张已开收据的号码",
                type=click.IntRange(book.first_no, book.last_no),
                default=book.in_journal,
            )
        )
    return answers


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
    from desk_app.services.desk import documents
    from desk_app.services.shifts import login, operators

    _step("数据库：创建、迁移、写入、读取")
    desk = Desk.open(folder / "selftest.sqlite3")
    try:
        operators.create_first_manager(desk, "selftest", "自检", "selftest-pass")
        login.login(desk, "selftest", "selftest-pass", login.shift_names(desk)[0])
        _step("打印：渲染含中文的 PDF 并存档")
        from desk_app.printing import fonts

        fonts.ensure_fonts_registered()
        if fonts.degraded() is not None:
            raise DeskError(
                f"打印字体不可用，PDF 将不嵌入字体：{fonts.degraded()}。请重新安装程序。"
            )
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
        ).value
        if documents.pdf_of(desk, printed.id) != printed.pdf:
            raise DeskError("存档的 PDF 与打印的不一致。")
        pdf_path = folder / "selftest.pdf"
        pdf_path.write_bytes(printed.pdf)
        failed = [r for r in maintenance.check_database(desk.path) if not r.ok]
        if failed:
            raise DeskError(
                "数据库检查未通过：" + "；".join(f"{r.name} {r.detail}" for r in failed)
            )
        _step("界面：加载翻译、QtPdf 显示 PDF、离屏打开主窗口")
        from desk_app.ui.selftest import run_ui_selftest

        run_ui_selftest(desk, pdf_path)
    finally:
        desk.close()


def register(group: click.Group) -> None:
    """Add ``check``, ``backup``, ``restore``, ``selftest`` to the ``desk-app`` group."""
    group.add_command(check)
    group.add_command(backup)
    group.add_command(restore)
    group.add_command(selftest)
