"""Importing the estate's roster (业主花名册) from Excel: map columns to fields, check
every row, then write all of it in one transaction — or only the valid rows, when the
clerk chooses so.

Decisions:

- Buildings are not created by an import: an unknown 楼号 is an error on its row
  ("没有楼号 X"), so a typo cannot invent a building. Office-tower addresses
  (``18F-1803``) have no building and need none.
- Units that do not exist yet are created. For units that exist, the facts the file
  gives (area, kind, status, the archive's dates and note) replace what is stored;
  blank cells never clear anything.
- An owner is added only to a unit without a current owner. If the unit has an owner
  and the file names the same person (same ID number; or the same name where either
  side has no ID number), nothing changes; a different person is an error — a change
  of owner is a transfer (过户), done in the owner archive, never silently.
- People already on file are matched by ID number and are not edited by an import
  (contact changes keep their history in the owner archive).
- Re-importing the same file changes nothing: no row, no audit entry.
- The audit gets one summary row (file, counts) and one row per unit that changed,
  naming the fields and the people and plates added — never ID numbers or phones.
- Errors never carry a full ID number or phone: ``RowError.value`` is masked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from desk_app.core.address import UnitAddress
from desk_app.core.errors import ValidationError
from desk_app.core.masking import mask_id_number
from desk_app.exporting import roster_files
from desk_app.exporting.roster_files import RosterSheet, SheetRow
from desk_app.services.desk import Desk
from desk_app.services.directory.roster_mapping import (  # noqa: F401 - the import's public API
    FIELDS_BY_KEY,
    LABELS,
    ROSTER_FIELDS,
    RosterField,
    check_mapping,
    guess_mapping,
    looks_like_header,
    mapping_from_json,
    mapping_to_json,
    normalise_header,
)
from desk_app.services.directory.roster_rows import (  # noqa: F401 - the import's public API
    ID_STORED_AS_NUMBER,
    MAX_SHOWN_OWNERS,
    OPERATION,
    ImportResult,
    RosterCheck,
    RosterRow,
    RowChecker,
    RowError,
    join_unit_parts,
    parse_roster_date,
    parse_roster_month,
    row_error,
)
from desk_app.services.operations import NO_CHANGES, Done, Operation
from desk_app.storage.directory import archives as archives_store
from desk_app.storage.directory import buildings as buildings_store
from desk_app.storage.directory import people as people_store
from desk_app.storage.directory import search_index
from desk_app.storage.directory import units as units_store
from desk_app.storage.directory.archives import ArchiveFacts
from desk_app.storage.directory.people import PersonRecord
from desk_app.storage.directory.units import NewUnit, UnitRow
from desk_app.storage.transactions import write_transaction

# --- reading ------------------------------------------------------------------------------


def load_roster(path: str | Path, *, sheet: str | None = None) -> RosterSheet:
    """Read a roster workbook safely; the header row is found among the top rows."""
    return roster_files.read_roster(path, sheet=sheet, is_header=looks_like_header)


def write_error_list(path: str | Path, check: RosterCheck) -> int:
    return roster_files.write_error_list(path, check.errors)


def write_sample_template(path: str | Path) -> None:
    roster_files.write_sample_template(path)


# --- checking the rows against each other and against the database --------------------------


def _unit_key(address: UnitAddress) -> tuple[str, str, str]:
    return (address.building.upper(), address.entrance or "", address.room.lstrip("0"))


def _stored_unit_key(unit: UnitRow) -> tuple[str, str, str]:
    return (unit.building.upper(), unit.entrance or "", unit.room.lstrip("0"))


@dataclass
class _UnitPlan:
    row: RosterRow
    unit: UnitRow | None  # None: to be created
    unit_fields: dict[str, object] = field(default_factory=dict)
    archive: ArchiveFacts | None = None  # the merged facts to store, when they change
    archive_fields: list[str] = field(default_factory=list)
    new_owner: PersonRecord | None = None
    plates: list[str] = field(default_factory=list)

    @property
    def changes(self) -> bool:
        return bool(
            self.unit is None
            or self.unit_fields
            or self.archive_fields
            or self.new_owner
            or self.plates
        )


def _within_file_errors(rows: Sequence[RosterRow]) -> tuple[list[RosterRow], list[RowError]]:
    """Duplicate units and plates, and one ID number under two names: the later row fails."""
    seen_units: dict[tuple[str, str, str], int] = {}
    seen_ids: dict[tuple[str, str], tuple[str, int]] = {}
    seen_plates: dict[str, int] = {}
    kept, errors = [], []
    for row in rows:
        problems = []
        key = _unit_key(row.address)
        if key in seen_units:
            problems.append(
                row_error(
                    row.row_number,
                    "room",
                    f"与第 {seen_units[key]} 行重复的房屋 {row.code}",
                    row.code,
                )
            )
        person = row.person
        if person and person.id_number:
            id_key = (person.id_type, person.id_number)
            first = seen_ids.get(id_key)
            if first and first[0] != person.name:
                problems.append(
                    row_error(
                        row.row_number,
                        "id_number",
                        f"证件号码与第 {first[1]} 行相同，但姓名不同（{first[0]}）",
                        mask_id_number(person.id_number),
                    )
                )
        for plate in row.plates:
            if plate in seen_plates:
                problems.append(
                    row_error(
                        row.row_number,
                        "plates",
                        f"车牌 {plate} 与第 {seen_plates[plate]} 行重复",
                        plate,
                    )
                )
        if problems:
            errors.extend(problems)
            continue
        seen_units[key] = row.row_number
        if person and person.id_number:
            seen_ids.setdefault((person.id_type, person.id_number), (person.name, row.row_number))
        for plate in row.plates:
            seen_plates[plate] = row.row_number
        kept.append(row)
    return kept, errors


def _same_person(a: PersonRecord, b: PersonRecord) -> bool:
    if a.id_number and b.id_number:
        return (a.id_type, a.id_number) == (b.id_type, b.id_number)
    return a.name == b.name


class _Planner:
    """Compares parsed rows with what is stored, reading the database in bulk where the
    storage layer allows and once per existing unit otherwise."""

    def __init__(self, desk: Desk) -> None:
        db = desk.db
        self.db = db
        self.buildings = {b.code.upper() for b in buildings_store.list_buildings(db)}
        stored = units_store.list_units(db, limit=10**9)
        self.by_code = {u.code: u for u in stored}
        self.by_key: dict[tuple[str, str, str], UnitRow] = {}
        for unit in stored:
            self.by_key.setdefault(_stored_unit_key(unit), unit)
        self.people: dict[tuple[str, str], people_store.PersonRow | None] = {}

    def existing_unit(self, address: UnitAddress) -> UnitRow | None:
        return self.by_code.get(address.short) or self.by_key.get(_unit_key(address))

    def person_on_file(self, record: PersonRecord) -> people_store.PersonRow | None:
        assert record.id_number
        key = (record.id_type, record.id_number)
        if key not in self.people:
            self.people[key] = people_store.person_by_id_number(self.db, *key)
        return self.people[key]

    def plan(self, row: RosterRow) -> tuple[_UnitPlan | None, list[RowError]]:
        errors: list[RowError] = []
        address = row.address
        if address.building and address.building.upper() not in self.buildings:
            errors.append(
                row_error(
                    row.row_number, "building", f"没有楼号 {address.building}", address.building
                )
            )
            return None, errors
        unit = self.existing_unit(address)
        plan = _UnitPlan(row, unit)
        owners: list[PersonRecord] = []
        plates_here: set[str] = set()
        if unit is not None:
            self._unit_changes(plan, unit)
            owners = [
                o.person
                for o in people_store.occupancies_for_unit(self.db, unit.id, current_only=True)
                if o.role in ("owner", "co_owner")
            ]
            plates_here = {
                v.plate for v in people_store.vehicles_for_unit(self.db, unit.id) if v.plate
            }
        else:
            plan.archive_fields = sorted(row.archive)
            if row.archive:
                plan.archive = ArchiveFacts(**row.archive)
        if row.person is not None:
            self._owner(plan, row, row.person, owners, errors)
        for plate in row.plates:
            if plate in plates_here:
                continue
            vehicle = people_store.vehicle_with_plate(self.db, plate)
            if vehicle is not None:
                errors.append(
                    row_error(row.row_number, "plates", f"车牌 {plate} 已登记在其他房屋", plate)
                )
            else:
                plan.plates.append(plate)
        return (None if errors else plan), errors

    def _unit_changes(self, plan: _UnitPlan, unit: UnitRow) -> None:
        row = plan.row
        wanted = {"area_centi_m2": row.area_centi_m2, "kind": row.kind, "status": row.status}
        plan.unit_fields = {
            name: value
            for name, value in wanted.items()
            if value is not None and getattr(unit, name) != value
        }
        if row.archive:
            stored = archives_store.get_facts(self.db, unit.id) or ArchiveFacts()
            plan.archive_fields = sorted(
                name for name, value in row.archive.items() if getattr(stored, name) != value
            )
            if plan.archive_fields:
                plan.archive = replace(stored, **row.archive)

    def _owner(
        self,
        plan: _UnitPlan,
        row: RosterRow,
        person: PersonRecord,
        owners: list[PersonRecord],
        errors: list[RowError],
    ) -> None:
        if any(_same_person(person, owner) for owner in owners):
            return
        if owners:
            names = "、".join(o.name for o in owners[:MAX_SHOWN_OWNERS])
            errors.append(
                row_error(
                    row.row_number,
                    "name",
                    f"房屋 {plan.unit.code if plan.unit else row.code} 已有业主 {names}，"
                    "过户请在业主档案中办理",
                    person.name,
                )
            )
            return
        if person.id_number:
            on_file = self.person_on_file(person)
            if on_file is not None and on_file.record.name != person.name:
                errors.append(
                    row_error(
                        row.row_number,
                        "id_number",
                        f"证件号码已登记在「{on_file.record.name}」名下，与业主姓名不符",
                        mask_id_number(person.id_number),
                    )
                )
                return
        plan.new_owner = person


def _planned_counts(plans: Sequence[_UnitPlan], planner: _Planner, skipped: int) -> ImportResult:
    new_people: set[tuple[str, str]] = set()
    created_people = 0
    for plan in plans:
        person = plan.new_owner
        if person is None:
            continue
        if not person.id_number:
            created_people += 1
        elif planner.person_on_file(person) is None:
            new_people.add((person.id_type, person.id_number))
    return ImportResult(
        created_units=sum(p.unit is None for p in plans),
        updated_units=sum(
            p.unit is not None and bool(p.unit_fields or p.archive_fields) for p in plans
        ),
        created_people=created_people + len(new_people),
        added_owners=sum(p.new_owner is not None for p in plans),
        unchanged=sum(not p.changes for p in plans),
        skipped_rows=skipped,
        added_vehicles=sum(len(p.plates) for p in plans),
    )


def _plan_all(
    desk: Desk, rows: Sequence[RosterRow]
) -> tuple[list[_UnitPlan], list[RowError], _Planner]:
    planner = _Planner(desk)
    plans, errors = [], []
    for row in rows:
        plan, problems = planner.plan(row)
        errors.extend(problems)
        if plan is not None:
            plans.append(plan)
    return plans, errors, planner


MASKED_COLUMNS = ("id_number", "phone", "phone2")


def _refuse_a_masked_export(rows: Sequence[SheetRow], mapping: Mapping[str, int]) -> None:
    """A roster exported for head office has its ID numbers and phones masked (``138****
    5678``): one line says so instead of an error on every row."""
    columns = [mapping[key] for key in MASKED_COLUMNS if key in mapping]
    filled = masked = 0
    for row in rows:
        values = [row.values[c] for c in columns if c < len(row.values) and row.values[c]]
        if values:
            filled += 1
            masked += any("*" in value for value in values if value)
    if masked and masked * 2 >= filled:
        raise ValidationError(
            "此文件的证件号和电话已打码，不能导入：请用未打码的原始花名册。", field="file"
        )


def validate(
    desk: Desk,
    rows: Iterable[SheetRow],
    mapping: Mapping[str, int],
    *,
    source: str | None = None,
) -> RosterCheck:
    """Check every row on its own, against the other rows and against the database.

    Writes nothing. ``source`` (the file name) goes into the audit on import.
    """
    check_mapping(mapping)
    today = desk.clock.now().date()
    sheet_rows = list(rows)
    _refuse_a_masked_export(sheet_rows, mapping)
    parsed, errors = [], []
    for sheet_row in sheet_rows:
        checker = RowChecker(sheet_row, mapping, today)
        row = checker.parse()
        errors.extend(checker.errors)
        if row is not None:
            parsed.append(row)
    parsed, duplicates = _within_file_errors(parsed)
    errors.extend(duplicates)
    plans, db_errors, planner = _plan_all(desk, parsed)
    errors.extend(db_errors)
    errors.sort(key=lambda e: e.row_number)
    planned_rows = {p.row.row_number for p in plans}
    skipped = len({e.row_number for e in errors})
    return RosterCheck(
        total_rows=len(sheet_rows),
        rows=tuple(r for r in parsed if r.row_number in planned_rows),
        errors=tuple(errors),
        planned=_planned_counts(plans, planner, skipped),
        source=source,
    )


# --- importing ------------------------------------------------------------------------------


def import_roster(
    desk: Desk, check: RosterCheck, *, only_valid: bool = False, actor: str | None = None
) -> Done[ImportResult]:
    """Write the checked roster in one transaction.

    Refuses a check with errors unless ``only_valid``. The rows are compared with the
    database again under the write lock; if something changed since the check so that
    a row no longer fits, nothing is written. Importing what is already there writes
    nothing at all, not even an audit row.
    """
    if check.errors and not only_valid:
        raise ValidationError(
            f"有 {check.error_rows} 行存在错误，未导入任何数据。请改正后重新导入，或选择只导入正确的行。"
        )
    with write_transaction(desk.db):
        plans, errors, planner = _plan_all(desk, check.rows)
        if errors:
            first = errors[0]
            raise ValidationError(
                f"检查之后数据已有变化（第 {first.row_number} 行：{first.message}），"
                "未导入任何数据，请重新检查。"
            )
        result = _planned_counts(plans, planner, check.error_rows)
        if not result.changed:
            return Done(result, NO_CHANGES)
        with desk.operation(OPERATION, actor=actor) as op:
            op.record(
                None,
                None,
                file=check.source,
                rows=check.total_rows,
                **{k: v for k, v in asdict(result).items() if v},
            )
            _write(op, [p for p in plans if p.changes])
    return op.done(result)


def _write(op: Operation, plans: list[_UnitPlan]) -> None:
    db = op.db
    stamp: dict[str, Any] = {
        "created_at": op.at,
        "created_by": op.operator_id,
        "created_shift": op.shift_id,
    }
    new = [p for p in plans if p.unit is None]
    new_ids = units_store.insert_many(
        db,
        (
            NewUnit(
                code=p.row.code,
                building=p.row.address.building.upper(),
                entrance=p.row.address.entrance,
                floor=p.row.address.floor,
                room=p.row.address.room,
                area_centi_m2=p.row.area_centi_m2,
                kind=p.row.kind or "住宅",
                status=p.row.status or "空置",
            )
            for p in new
        ),
        **stamp,
    )
    unit_ids = {id(p): unit_id for p, unit_id in zip(new, new_ids, strict=True)}
    people_by_id: dict[tuple[str, str], int] = {}
    new_people: list[int] = []
    new_vehicles: list[int] = []
    occupancy_ids: list[int] = []
    archived_units: list[int] = []
    for plan in plans:
        unit_id = plan.unit.id if plan.unit else unit_ids[id(plan)]
        if plan.unit and plan.unit_fields:
            units_store.update(db, unit_id, plan.unit_fields, op.at)
        if plan.archive is not None:
            archives_store.put_facts(
                db,
                unit_id,
                plan.archive,
                updated_at=op.at,
                updated_by=op.operator_id,
                updated_shift=op.shift_id,
            )
            archived_units.append(unit_id)  # household_archives is keyed by its unit
        detail: dict[str, Any] = {"row": plan.row.row_number, "unit": plan.row.code}
        detail["action"] = "created" if plan.unit is None else "updated"
        if plan.unit_fields or plan.archive_fields:
            detail["fields"] = sorted(plan.unit_fields) + plan.archive_fields
        person_id = None
        if plan.new_owner is not None:
            person_id, created = _person_id(db, plan.new_owner, people_by_id, stamp)
            if created:
                new_people.append(person_id)
            occupancy_id = people_store.insert_occupancy(
                db,
                unit_id=unit_id,
                person_id=person_id,
                role="owner",
                relation=None,
                since=plan.row.archive.get("purchase_date"),
                lease_start=None,
                lease_end=None,
                **stamp,
            )
            occupancy_ids.append(occupancy_id)
            detail.update(owner=plan.new_owner.name, person_id=person_id, person_created=created)
        for plate in plan.plates:
            new_vehicles.append(
                people_store.insert_vehicle(
                    db,
                    unit_id=unit_id,
                    person_id=person_id,
                    kind="汽车",
                    plate=plate,
                    note=None,
                    **stamp,
                )
            )
        if plan.plates:
            detail["plates"] = plan.plates
        op.record("units", unit_id, **detail)
    op.touch("people", new_people)
    op.touch("occupancies", occupancy_ids)
    op.touch("vehicles", new_vehicles)
    op.touch("household_archives", archived_units)
    search_index.index_units_bulk(db, new_ids)
    search_index.index_people_bulk(db, new_people)
    search_index.index_vehicles_bulk(db, new_vehicles)


def _person_id(
    db: Database, record: PersonRecord, known: dict[tuple[str, str], int], stamp: dict[str, Any]
) -> tuple[int, bool]:
    """The person with this ID number (on file, or created earlier in this import), else a
    new person. People without an ID number cannot be told apart: each row is its own."""
    if record.id_number:
        key = (record.id_type, record.id_number)
        if key in known:
            return known[key], False
        on_file = people_store.person_by_id_number(db, *key)
        if on_file is not None:
            known[key] = on_file.id
            return on_file.id, False
    person_id = people_store.insert_person(db, record, **stamp)
    if record.id_number:
        known[(record.id_type, record.id_number)] = person_id
    return person_id, True
