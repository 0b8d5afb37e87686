"""Integrity checks: SQLite's own, foreign keys, the audit chain, append-only guards."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from desk_app.storage import audit, schema
from desk_app.storage.desk import documents
from desk_app.storage.ledger import money_check, open_charges


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str = ""


def quick_check(db: Database) -> CheckResult:
    rows = db.execute("PRAGMA quick_check").fetchall()
    ok = [tuple(row) for row in rows] == [("ok",)]
    return CheckResult("quick_check", ok, "" if ok else "; ".join(r[0] for r in rows[:10]))


def integrity_check(db: Database) -> CheckResult:
    rows = db.execute("PRAGMA integrity_check").fetchall()
    ok = [tuple(row) for row in rows] == [("ok",)]
    return CheckResult("integrity_check", ok, "" if ok else "; ".join(r[0] for r in rows[:10]))


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


def full_check(db: Database) -> list[CheckResult]:
    return [
        integrity_check(db),
        foreign_key_check(db),
        schema_check(db),
        append_only_guard_check(db),
        views_check(db),
        open_charges_check(db),
        audit_chain_check(db),
        document_hash_check(db),
        money_rows_check(db),
    ]
