"""Migration 0016: a file from 0015 gains the renovation tables; their CHECKs hold the
rules even against SQL written by hand."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from desk_app.storage import schema

_COLUMNS = (
    "number, unit_id, applicant_role, applicant_name, consent_how, consent_on, contractor, "
    "licence_no, foreman_name, foreman_phone, foreman_id_masked, fire_officer, works, "
    "planned_start, planned_end, agreement_signed, fire_pledge_signed, state, reject_reason, "
    "decided_at, created_at"
)
_GOOD = {
    "number": "ZX20261120-0001",
    "unit_id": 1,
    "applicant_role": "owner",
    "applicant_name": "张三",
    "consent_how": "",
    "consent_on": None,
    "contractor": "安居装饰",
    "licence_no": "91320100",
    "foreman_name": "王师傅",
    "foreman_phone": "13911112222",
    "foreman_id_masked": "110***********0024",
    "fire_officer": "王师傅",
    "works": '["水电改造"]',
    "planned_start": "2026-11-25",
    "planned_end": "2027-02-20",
    "agreement_signed": 1,
    "fire_pledge_signed": 1,
    "state": "待审核",
    "reject_reason": "",
    "decided_at": None,
    "created_at": "2026-11-20T08:00:00+08:00",
}


@pytest.fixture
def db(tmp_path):
    db = Database(tmp_path / "old.sqlite3")
    schema.migrations.apply(db, stop_before="0016_renovation")
    assert "renovation_applications" not in db.table_names()
    db.execute(
        "INSERT INTO units (id, code, building, room, created_at) "
        "VALUES (1, '3-2-501', '3', '501', '2026-01-01T00:00:00+08:00')"
    )
    schema.apply_migrations(db)
    return db


def _insert(db, **changes):
    values = {**_GOOD, **changes}
    marks = ", ".join("?" for _ in values)
    db.execute(
        f"INSERT INTO renovation_applications ({_COLUMNS}) VALUES ({marks})", list(values.values())
    )


def test_a_0015_file_migrates_to_the_renovation_tables(db):
    assert {"renovation_applications", "renovation_charges", "renovation_permits"} <= set(
        db.table_names()
    )
    _insert(db)
    assert db.execute("SELECT state FROM renovation_applications").fetchone() == ("待审核",)


@pytest.mark.parametrize(
    "changes",
    [
        {"applicant_role": "tenant"},  # a tenant without the owner's consent recorded
        {"applicant_role": "tenant", "consent_how": "书面同意书"},  # … without its date
        {"works": "[]"},
        {"works": "not json"},
        {"fire_pledge_signed": 0},
        {"planned_end": "2026-11-01"},
        {"state": "已驳回", "decided_at": "2026-11-20T09:00:00+08:00"},  # no reason
        {"state": "已批准"},  # never reviewed nor decided
        {"state": "施工中"},
    ],
)
def test_the_checks_refuse_what_the_rules_refuse(db, changes):
    with pytest.raises(sqlite3.IntegrityError):
        _insert(db, **changes)


def test_a_tenant_with_the_consent_recorded_is_kept(db):
    _insert(db, applicant_role="tenant", consent_how="书面同意书", consent_on="2026-11-18")
