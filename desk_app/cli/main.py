"""The command line: a thin layer over the services.

``desk-app`` alone starts the window; subcommands do the desk's maintenance.
User mistakes end in one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from desk_app import __version__
from desk_app.core.errors import DeskError
from desk_app.paths import default_db_path


class DeskGroup(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except DeskError as error:
            click.echo(f"错误：{error.message}", err=True)
            ctx.exit(error.exit_code)


def resolve_db(db: str | None) -> Path:
    if db:
        return Path(db)
    env = os.environ.get("DESK_APP_DB")
    return Path(env) if env else default_db_path()


@click.group(
    cls=DeskGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option("--db", "db", metavar="PATH", help="数据库文件（默认在用户数据目录）。")
@click.option(
    "--lang", type=click.Choice(["zh_CN", "en"]), default=None, help="界面语言（默认中文）。"
)
@click.version_option(__version__, prog_name="desk-app")
@click.pass_context
def cli(ctx: click.Context, db: str | None, lang: str | None) -> None:
    """客服中心前台 (desk app)：不带子命令时打开主窗口。"""
    ctx.obj = {"db": resolve_db(db), "lang": lang}
    if ctx.invoked_subcommand is not None:
        from desk_app.services import features

        features.install()  # the window installs them itself, after its login
    else:
        from desk_app.ui.app import run_gui

        ctx.exit(run_gui(ctx.obj["db"], lang=lang))


def _register_commands() -> None:
    from desk_app.cli import demo
    from desk_app.cli.desk import commands as desk
    from desk_app.cli.directory import commands as directory
    from desk_app.cli.keys import commands as keys
    from desk_app.cli.ledger import commands as ledger
    from desk_app.cli.movein import commands as movein
    from desk_app.cli.reception import commands as reception
    from desk_app.cli.renovation import commands as renovation
    from desk_app.cli.repairs import commands as repairs
    from desk_app.cli.shifts import commands as shifts

    for commands in (
        desk,
        demo,
        directory,
        reception,
        repairs,
        ledger,
        movein,
        renovation,
        keys,
        shifts,
    ):
        commands.register(cli)


_register_commands()


def main() -> None:
    if sys.platform == "win32":
        for stream in (sys.stdout, sys.stderr):
            if stream is not None and hasattr(stream, "reconfigure"):
                stream.reconfigure(encoding="utf-8")
    cli(prog_name="desk-app")
