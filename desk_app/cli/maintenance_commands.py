"""desk-app demo / check / backup / restore."""

from __future__ import annotations

import time
from pathlib import Path

import click

from desk_app.core.clock import SystemClock
from desk_app.demo import generate as demo_service
from desk_app.services.desk import Desk, maintenance


def _db(ctx: click.Context) -> Path:
    return ctx.obj["db"]


@click.command()
@click.option("--seed", default=1, show_default=True, help="随机种子（相同种子生成相同数据）。")
@click.option("--units", default=2000, show_default=True, help="房屋数量。")
@click.option("--years", default=5, show_default=True, help="历史年数。")
@click.option("--until", default=None, metavar="YYYY-MM-DD", help="历史截止日期（默认今天）。")
@click.pass_context
def demo(ctx: click.Context, seed: int, units: int, years: int, until: str | None) -> None:
    """生成演示小区（操作员、房屋、多年的班次记录）。"""
    from desk_app.cli.main import parse_date

    end = parse_date(ctx, None, until) or SystemClock().now().date()
    path = _db(ctx)
    started = time.perf_counter()
    with Desk.open(path) as desk:
        summary = demo_service.generate(
            desk, demo_service.DemoPlan(seed=seed, units=units, years=years, until=end)
        )
    click.echo(
        f"演示数据已生成：{path}\n"
        f"  操作员 {summary.operators} 名，房屋 {summary.units} 套，住户 {summary.people} 人，"
        f"车辆 {summary.vehicles} 辆，班次 {summary.shifts} 个，"
        f"接待记录 {summary.history.get('repairs', 0)} 条，"
        f"收费 {summary.history.get('ledger', 0)} 笔，"
        f"审计记录 {summary.audit_rows} 条，用时 {time.perf_counter() - started:.1f} 秒\n"
        f"  登录名 admin（经理）/ lihua（主管）/ zhangli（前台），密码均为 {demo_service.DEMO_PASSWORD}"
    )


@click.command()
@click.pass_context
def check(ctx: click.Context) -> None:
    """完整性检查：integrity_check、外键、审计链、防篡改触发器。全部通过才返回 0。"""
    results = maintenance.check_database(_db(ctx))
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
    with Desk.open(_db(ctx), exclusive=False) as desk:
        target = maintenance.backup_now(desk, reason="manual")
    click.echo(f"备份完成并已校验：{target}")


@click.command()
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="不再询问，直接恢复。")
@click.pass_context
def restore(ctx: click.Context, source: Path, yes: bool) -> None:
    """用备份文件 SOURCE 恢复数据库（先校验；当前文件另存保留）。"""
    path = _db(ctx)
    if not yes and not click.confirm(
        f"用 {source} 替换 {path}？当前文件会另存保留。", default=False
    ):
        click.echo("已取消。")
        ctx.exit(1)
    result = maintenance.restore(path, source)
    kept = f"，原文件保存在 {result.previous_kept_at}" if result.previous_kept_at else ""
    click.echo(f"已从 {source} 恢复{kept}。")
