"""desk-app demo: a realistic demo estate."""

from __future__ import annotations

import time

import click

from desk_app.cli import options
from desk_app.core.clock import SystemClock
from desk_app.demo import generate as demo_service
from desk_app.demo.plan import DEMO_PASSWORD, DemoPlan
from desk_app.services.desk import Desk


@click.command()
@click.option("--seed", default=1, show_default=True, help="随机种子（相同种子生成相同数据）。")
@click.option("--units", default=2000, show_default=True, help="房屋数量。")
@click.option("--years", default=5, show_default=True, help="历史年数。")
@click.option("--until", default=None, metavar="YYYY-MM-DD", help="历史截止日期（默认今天）。")
@click.pass_context
def demo(ctx: click.Context, seed: int, units: int, years: int, until: str | None) -> None:
    """生成演示小区（操作员、房屋、多年的班次记录）。"""
    end = options.parse_date(ctx, None, until) or SystemClock().now().date()
    path = options.db_path(ctx)
    started = time.perf_counter()
    with Desk.open(path) as desk:
        summary = demo_service.generate(
            desk, DemoPlan(seed=seed, units=units, years=years, until=end)
        )
    click.echo(
        f"演示数据已生成：{path}\n"
        f"  操作员 {summary.operators} 名，房屋 {summary.units} 套，住户 {summary.people} 人，"
        f"车辆 {summary.vehicles} 辆，班次 {summary.shifts} 个，"
        f"接待记录 {summary.history.get('repairs', 0)} 条，"
        f"收房 {summary.history.get('movein', 0)} 户，"
        f"收费 {summary.history.get('ledger', 0)} 笔，"
        f"审计记录 {summary.audit_rows} 条，用时 {time.perf_counter() - started:.1f} 秒\n"
        f"  登录名 admin（经理）/ lihua（主管）/ zhangli（前台），密码均为 {DEMO_PASSWORD}"
    )


def register(group: click.Group) -> None:
    """Add ``demo`` to the ``desk-app`` group."""
    group.add_command(demo)
