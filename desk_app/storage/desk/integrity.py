"""Integrity checks: SQLite's own, foreign keys, the audit chain, append-only guards."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from sqlite_utils import Database

from desk_app.core.errors import CorruptDatabase
from desk_app.storage import audit, row_hashes, schema
from desk_app.storage.desk import documents
from desk_app.storage.ledger import money_check, month_close, open_charges, receipts


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str = ""


def _one_line(found: list[str], shown: int = 3) -> str:
    """SQLite's findings on one line: how many, and the first few."""
    lines = [" ".join(str(text).split()) for text in found]
    lines = [line for line in lines if line]
    head = "；".join(lines[:shown])
    more = f" 等 {len(lines)} 处" if len(lines) > shown else ""
    return f"{head}{more}"


def quick_check(db: Database) -> CheckResult:
    rows = db.execute("PRAGMA quick_check").fetchall()
    ok = [tuple(row) for row in rows] == [("ok",)]
    found = [line for row in rows for line in str(row[0]).splitlines()]
    return CheckResult("quick_check", ok, "" if ok else _one_line(found))


def integrity_check(db: Database) -> CheckResult:
    rows = db.execute("PRAGMA integrity_check(100)").fetchall()
    ok = [tuple(row) for row in rows] == [("ok",)]
    found = [line for row in rows for line in str(row[0]).splitlines()]
    return CheckResult("integrity_check", ok, "" if ok else "文件已损坏：" + _one_line(found))


def receipt_numbers_check(db: Database) -> CheckResult:
    """Every number of a receipt book from its first to its highest is a receipt (live or
    作废) or a number recorded lost (e.g. 恢复备份), and only once."""
    found = receipts.numbering_problems(db)
    if found:
        return CheckResult("receipt_numbers", False, _one_line(found))
    return CheckResult("receipt_numbers", True)


def foreign_key_check(db: Database) -> CheckResult:
    rows = db.execute("PRAGMA foreign_key_check").fetchall()
    if not rows:
        return CheckResult("foreign_key_check", True)
    sample = "; ".join(f"{row[0]} 第 {row[1]} 行 → {row[2]}" for row in rows[:10])
    return CheckResult("foreign_key_check", False, f"{len(rows)} 处外键引用失效：{sample}")


def audit_chain_check(db: Database) -> CheckResult:
    report = audit.verify_chain(db)
    if report.ok:
        return CheckResult("audit_chain", True, f"{report.rows} 条审计记录")
    return CheckResult("audit_chain", False, report.reason)


def append_only_guard_check(db: Database) -> CheckResult:
    present = {
        row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    }
    missing = [
        f"{table}_{action}"
        for table in schema.APPEND_ONLY_TABLES
        for action in ("no_update", "no_delete")
        if f"{table}_{action}" not in present
    ] + [
        f"{table}_closed_period"
        for table in schema.CLOSED_PERIOD_TABLES
        if f"{table}_closed_period" not in present
    ]
    if missing:
        return CheckResult("append_only_guards", False, "防篡改触发器缺失：" + "、".join(missing))
    return CheckResult("append_only_guards", True)


def views_check(db: Database) -> CheckResult:
    """The views that say which money counts (live receipts, charges net of adjustments)
    must be the program's own: a view dropped or rewritten behind its back would change
    every balance without touching a row."""
    present = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'view'").fetchall())
    missing = [name for name in schema.VIEWS if name not in present]
    altered = [
        name
        for name, sql in schema.VIEWS.items()
        if name in present and (present[name] or "").strip() != sql.strip()
    ]
    problems = []
    if missing:
        problems.append("视图缺失：" + "、".join(missing))
    if altered:
        problems.append("视图被改动：" + "、".join(altered))
    if problems:
        return CheckResult("views", False, "；".join(problems))
    return CheckResult("views", True)


def open_charges_check(db: Database) -> CheckResult:
    """The open charges the arrears list reads (``open_charges``, kept by triggers) must be
    exactly what the views compute today, and their triggers the program's own: a trigger
    dropped, or a row written behind the program's back, would make the list lie."""
    problems = []
    altered = schema.altered_derived(db)
    if altered:
        problems.append("未结费用表或其触发器缺失、被改动：" + "、".join(altered))
    present = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if schema.altered_views(db):
        problems.append("收费口径视图缺失或被改动，无法按视图重算比对")
    elif all(table in present for table in schema.DERIVED_FILLS):
        found = open_charges.differences(db)
        if found.count:
            sample = "、".join(f"#{charge_id}" for charge_id in found.sample)
            more = " 等" if found.count > len(found.sample) else ""
            problems.append(
                f"未结费用表与按视图重算的结果不符：{found.count} 笔费用（{sample}{more}）"
            )
    if problems:
        return CheckResult("open_charges", False, "；".join(problems))
    return CheckResult("open_charges", True)


def document_hash_check(db: Database) -> CheckResult:
    bad = documents.mismatched_hashes(db)
    if bad:
        return CheckResult(
            "archived_documents", False, f"存档文件内容与登记的哈希不符：编号 {bad[:10]}"
        )
    return CheckResult("archived_documents", True)


def money_rows_check(db: Database) -> CheckResult:
    found = money_check.problems(db)
    if found:
        return CheckResult("money_rows", False, "收费记录与审计链不符：" + "；".join(found))
    return CheckResult("money_rows", True)


def _sample(keys: list[tuple[str, str]]) -> str:
    text = "、".join(f"{table} #{key}" for table, key in keys[:5])
    return text + (" 等" if len(keys) > 5 else "")


def audited_rows_check(db: Database) -> CheckResult:
    """Both ways: every row as the chain last recorded it (a hash over all its columns),
    and every row of an audited table recorded."""
    if not audit.has_row_hashes(db):
        return CheckResult("audited_rows", False, "数据库结构未升级，无行哈希")
    found = row_hashes.problems(db)
    problems = []
    if found.changed:
        problems.append(f"{len(found.changed)} 行内容与审计记录不符：{_sample(found.changed)}")
    if found.unrecorded:
        problems.append(
            f"{len(found.unrecorded)} 行没有审计记录（在程序外写入）：{_sample(found.unrecorded)}"
        )
    if found.deleted:
        problems.append(
            f"{len(found.deleted)} 行已被删除（审计记录中仍在）：{_sample(found.deleted)}"
        )
    if found.bad_entries:
        sample = "、".join(str(i) for i in found.bad_entries[:5])
        problems.append(f"审计记录所载的行哈希被改动：第 {sample} 条")
    if problems:
        return CheckResult("audited_rows", False, "；".join(problems))
    return CheckResult("audited_rows", True)


def closed_months_check(db: Database) -> CheckResult:
    """Each month closed by the program: its money rows still hash to the seal its close
    wrote into the chain, and its close is still there."""
    bad = []
    present = {period for (period,) in db.execute("SELECT period FROM period_closes")}
    for record_id, detail in db.execute(
        "SELECT record_id, detail FROM audit_log WHERE operation = 'period_closed' "
        "AND record_table = 'period_closes' ORDER BY id"
    ).fetchall():
        seal = json.loads(detail or "{}")
        if "money" not in seal:
            continue
        if record_id not in present:
            bad.append(f"{record_id} 的月结记录已不存在")
        elif month_close.period_digest(db, seal["start_on"], seal["through_on"]) != seal["money"]:
            bad.append(f"{record_id} 已月结的收费记录被改动")
    if bad:
        return CheckResult("closed_months", False, "；".join(bad[:10]))
    return CheckResult("closed_months", True)


def seal_check(db: Database, code: str) -> CheckResult:
    """The file still holds the exact history a seal printed on paper was taken from."""
    parsed = audit.parse_seal(code)
    if parsed is None:
        return CheckResult("seal", False, f"封存码格式不对：{code}（应如 A1B2-C3D4-E5F6 #12345）")
    entry_id, prefix = parsed
    report = audit.verify_seal(db, entry_id, prefix)
    if report.ok:
        return CheckResult("seal", True, f"截至第 {entry_id} 条的审计历史与封存码一致")
    return CheckResult("seal", False, report.reason)


def schema_check(db: Database) -> CheckResult:
    try:
        schema.refuse_if_newer(db)
    except Exception as error:  # noqa: BLE001 - reported, not raised
        return CheckResult("schema", False, str(error))
    pending = schema.pending_migrations(db)
    if pending:
        return CheckResult("schema", False, "数据库结构未升级：" + "、".join(pending))
    return CheckResult("schema", True)


def chain_continues_backup(
    db: Database, backup_head: tuple[int, str] | None, backup_name: str
) -> CheckResult:
    """The newest backup's last audit row must still be in the database, unchanged:
    rows cut off the end of the chain (which the chain alone cannot show) are found here."""
    if backup_head is None:
        return CheckResult("audit_vs_backup", True, "无可比对的备份")
    entry_id, digest = backup_head
    current = audit.hash_at(db, entry_id)
    if current is None:
        return CheckResult(
            "audit_vs_backup",
            False,
            f"审计记录比备份 {backup_name} 少：第 {entry_id} 条及之前的记录已不存在（被删除）",
        )
    if current != digest:
        return CheckResult(
            "audit_vs_backup", False, f"审计记录第 {entry_id} 条与备份 {backup_name} 不一致"
        )
    return CheckResult("audit_vs_backup", True, f"与备份 {backup_name} 一致")


FULL_CHECKS = (
    ("integrity_check", integrity_check),
    ("foreign_key_check", foreign_key_check),
    ("schema", schema_check),
    ("append_only_guards", append_only_guard_check),
    ("views", views_check),
    ("open_charges", open_charges_check),
    ("audit_chain", audit_chain_check),
    ("archived_documents", document_hash_check),
    ("money_rows", money_rows_check),
    ("receipt_numbers", receipt_numbers_check),
    ("audited_rows", audited_rows_check),
    ("closed_months", closed_months_check),
)


# Checks that read only what every version of the file has; the others need its structure
# upgraded (the program upgrades a file when it opens it for work; ``check`` only reads).
VERSION_FREE_CHECKS = frozenset({"integrity_check", "foreign_key_check", "schema"})
NOT_UPGRADED = "未检查：数据库结构尚未升级（用本程序打开一次即自动升级，再检查）"


def full_check(db: Database) -> list[CheckResult]:
    """Every check; one that cannot read what it needs (a damaged page) fails with the
    reason, and the rest still run. On a file of an older structure only the checks that
    do not depend on it run; the others say why they did not."""
    try:
        upgraded = not schema.pending_migrations(db)
    except sqlite3.Error:
        upgraded = False
    results = []
    for name, check in FULL_CHECKS:
        if not upgraded and name not in VERSION_FREE_CHECKS:
            results.append(CheckResult(name, True, NOT_UPGRADED))
            continue
        try:
            results.append(check(db))
        except CorruptDatabase as error:
            results.append(CheckResult(name, False, error.message))
        except sqlite3.Error as error:  # a table or column the file lacks: reported, not raised
            results.append(CheckResult(name, False, f"无法检查：{error}"))
    return results
