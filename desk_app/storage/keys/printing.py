"""What the key printouts read: the tags to print and the loans of a period with how
each ended (钥匙标签、钥匙借用登记表)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database


def label_codes(db: Database, building: str | None = None) -> list[str]:
    """The tag codes in code order: every set, or those of one building (its units' keys,
    its public-area keys and the keys of its equipment rooms)."""
    if building is None:
        rows = db.execute("SELECT code FROM key_sets ORDER BY code").fetchall()
    else:
        rows = db.execute(
            "SELECT s.code FROM key_sets s "
            "LEFT JOIN units u ON u.id = s.unit_id "
            "LEFT JOIN public_places p ON p.id = s.public_place_id "
            "WHERE coalesce(u.building, s.building, p.building) = ? ORDER BY s.code",
            [building],
        ).fetchall()
    return [r[0] for r in rows]


@dataclass(frozen=True)
class LoanLine:
    """One 借出 with what it lent and how it ended so far."""

    id: int
    set_id: int
    at: str
    code: str
    pieces: str  # the JSON of the movement
    purpose: str
    borrower: str
    repair_order_no: str | None
    operator: str | None
    still_open: bool  # the set's open loan is this one
    last_return_at: str | None  # the last 归还 (partial or full) against it


def loans_between(db: Database, start: str, end: str) -> list[LoanLine]:
    """The loans made from ``start`` (inclusive) to ``end`` (exclusive), oldest first."""
    return _loan_lines(db, "m.at >= ? AND m.at < ?", [start, end])


def loans_of_borrower(
    db: Database, *, technician_id: int | None = None, name: str | None = None
) -> list[LoanLine]:
    """Every loan to one technician, or to one named person, oldest first."""
    if technician_id is not None:
        return _loan_lines(db, "m.technician_id = ?", [technician_id])
    return _loan_lines(db, "m.technician_id IS NULL AND m.borrower_name = ?", [name or ""])


def _loan_lines(db: Database, where: str, params: list[object]) -> list[LoanLine]:
    rows = db.execute(
        "SELECT m.id, m.set_id, m.at, s.code, m.pieces, m.purpose, "
        "coalesce(t.name, m.borrower_name), r.order_no, op.display_name, "
        "s.loan_id IS m.id, "
        "(SELECT max(b.at) FROM key_movements b WHERE b.set_id = m.set_id AND b.id > m.id "
        " AND b.kind = '归还' AND b.loan_id = m.id) "
        "FROM key_movements m "
        "JOIN key_sets s ON s.id = m.set_id "
        "LEFT JOIN technicians t ON t.id = m.technician_id "
        "LEFT JOIN operators op ON op.id = m.created_by "
        "LEFT JOIN repair_orders r ON r.id = m.repair_order_id "
        f"WHERE m.kind = '借出' AND {where} ORDER BY m.at, m.id",
        params,
    ).fetchall()
    return [
        LoanLine(
            id=r[0],
            set_id=r[1],
            at=r[2],
            code=r[3],
            pieces=r[4],
            purpose=r[5],
            borrower=r[6],
            repair_order_no=r[7],
            operator=r[8],
            still_open=bool(r[9]),
            last_return_at=r[10],
        )
        for r in rows
    ]
