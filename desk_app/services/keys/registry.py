"""Key sets (钥匙): created one at a time or for a whole building from the developer's
delivery (接管钥匙, with a preview), deposited and collected by the owner of record
(钥匙寄存/领取), looked up by their tag, and their history per set, person and unit."""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field, replace

from desk_app.core.errors import NotFoundError, ValidationError
from desk_app.core.masking import mask_id_number, validate_id_number
from desk_app.core.vocabularies import KEY_KINDS, UNIT_KEY_KINDS, UNIT_KEY_TYPES
from desk_app.services.desk import Desk
from desk_app.services.operations import Done, Operation, written
from desk_app.storage.directory import buildings as buildings_store
from desk_app.storage.directory import people as people_store
from desk_app.storage.directory import units as units_store
from desk_app.storage.keys import registry as keys_store
from desk_app.storage.keys.registry import KeySetRow, MovementRow, NewKeySet, NewMovement

CODE = re.compile(r"^K[0-9]{7}$")
MAX_PIECES = 99
BULK_LIMIT = 5000


def normalise_code(text: str) -> str:
    """A tag as scanned or typed (k0001234, Ｋ0001234, with spaces) in its stored form."""
    return "".join(unicodedata.normalize("NFKC", text or "").split()).upper()


def _check_code(code: str) -> str:
    if not CODE.match(code):
        raise ValidationError(f"钥匙编号格式不正确：{code}（应为 K 加 7 位数字）", field="code")
    return code


def next_code(desk: Desk, offset: int = 0) -> str:
    last = keys_store.last_code(desk.db)
    number = int(last[1:]) if last else 0
    return f"K{number + 1 + offset:07d}"


def clean_pieces(kind: str, pieces: dict[str, int], *, allow_empty: bool = False) -> dict[str, int]:
    """The pieces by type with their counts: unit keys in the five types, counts 1–99."""
    cleaned: dict[str, int] = {}
    for raw_type, raw_count in pieces.items():
        piece_type = (raw_type or "").strip()
        if not piece_type:
            raise ValidationError("请填写钥匙类型。", field="pieces")
        if kind in UNIT_KEY_KINDS and piece_type not in UNIT_KEY_TYPES:
            raise ValidationError(
                f"房屋钥匙类型只能是：{'、'.join(UNIT_KEY_TYPES)}", field="pieces"
            )
        if not isinstance(raw_count, int) or not 0 <= raw_count <= MAX_PIECES:
            raise ValidationError(f"{piece_type}的数量应为 0–{MAX_PIECES}。", field="pieces")
        if raw_count:
            cleaned[piece_type] = cleaned.get(piece_type, 0) + raw_count
    if not cleaned and not allow_empty:
        raise ValidationError("请填写钥匙类型和数量。", field="pieces")
    return cleaned


@dataclass(frozen=True)
class KeySetInput:
    kind: str
    pieces: dict[str, int] = field(default_factory=dict)
    unit: str | None = None  # 业主代管 / 接管: the unit's address (3-2-501)
    building: str | None = None  # 公共区域
    floor: str | None = None
    public_place_id: int | None = None  # 设施设备房
    name: str = ""  # what it opens when that is not plain (天台门, 配电房)
    place: str = ""  # 柜/钩位
    never_lend: bool = False
    code: str | None = None  # a pre-printed tag; else the next number
    note: str = ""


def _resolve(desk: Desk, new: KeySetInput, code: str) -> NewKeySet:
    if new.kind not in KEY_KINDS:
        raise ValidationError(f"钥匙类别只能是：{'、'.join(KEY_KINDS)}", field="kind")
    unit_id = building = floor = place_id = None
    if new.kind in UNIT_KEY_KINDS:
        from desk_app.services.directory import estate

        if not (new.unit or "").strip():
            raise ValidationError("请填写房号。", field="unit")
        unit_id = estate.find_unit(desk, new.unit or "").id
    elif new.kind == "公共区域":
        building = (new.building or "").strip().upper()
        if not building:
            raise ValidationError("请填写楼号。", field="building")
        if buildings_store.building_by_code(desk.db, building) is None:
            raise ValidationError(f"没有楼号 {building}。", field="building")
        floor = (new.floor or "").strip() or None
    else:
        if new.public_place_id is None:
            raise ValidationError("请选择设施设备房。", field="public_place_id")
        if buildings_store.get_place(desk.db, new.public_place_id) is None:
            raise NotFoundError(f"公共区域 {new.public_place_id} 不存在。", field="public_place_id")
        place_id = new.public_place_id
    if keys_store.by_code(desk.db, code) is not None:
        raise ValidationError(f"钥匙编号 {code} 已使用。", field="code")
    return NewKeySet(
        code=code,
        kind=new.kind,
        unit_id=unit_id,
        building=building,
        floor=floor,
        public_place_id=place_id,
        name=new.name.strip(),
        place=new.place.strip(),
        never_lend=new.never_lend,
        note=new.note.strip(),
    )


def _intake(op: Operation, new: NewKeySet, pieces: dict[str, int]) -> int:
    """Insert a set, its pieces and its 入库 movement inside ``op``; the set's id."""
    set_id = keys_store.insert_set(op.db, new, op.stamp)
    piece_ids = keys_store.set_pieces(
        op.db, set_id, {t: (n, 0) for t, n in pieces.items()}, op.stamp
    )
    state = "in" if pieces else "empty"
    keys_store.update_set(op.db, set_id, state=state, loan_id=None, due_back=None, updated_at=op.at)
    movement_id = keys_store.insert_movement(
        op.db, NewMovement(set_id, "入库", pieces, note=new.note), op.stamp
    )
    op.touch("key_pieces", piece_ids)
    op.touch("key_movements", [movement_id])
    return set_id


def create_set(desk: Desk, new: KeySetInput) -> Done[KeySetRow]:
    """登记一套钥匙: its tag, what it opens, its place and its pieces (入库)."""
    code = _check_code(normalise_code(new.code)) if new.code else next_code(desk)
    resolved = _resolve(desk, new, code)
    pieces = clean_pieces(new.kind, new.pieces, allow_empty=new.kind == "业主代管")
    with desk.operation("key_set_created") as op:
        set_id = _intake(op, resolved, pieces)
        op.record("key_sets", set_id, code=code, kind=new.kind, pieces=pieces)
    return op.done(written(keys_store.get(desk.db, set_id)))


@dataclass(frozen=True)
class IntakePlan:
    """A building's delivery of unit keys (接管钥匙 from the developer, or 业主代管)."""

    building: str
    pieces: dict[str, int]
    kind: str = "接管"
    entrance: str | None = None
    cabinet: str = ""  # the sets hang on its next free hooks (A柜-001 …); none when empty
    shuffled: bool = False  # the hooks dealt at random, so a hook does not tell the unit


@dataclass(frozen=True)
class IntakePreview:
    new: list[tuple[str, str]]  # (code to be printed, unit code)
    existing: list[str]  # unit codes that already have a set of this kind
    hooks: list[str] = field(default_factory=list)  # the hooks the new sets take, in order


CABINET = re.compile(r"^[^\s-]{1,10}$")


def _hooks(desk: Desk, plan: IntakePlan, count: int) -> list[str]:
    """``count`` free hooks of the plan's cabinet after the highest one used, numbered
    ``A柜-001`` …; shuffled when the plan says so; none without a cabinet."""
    cabinet = plan.cabinet.strip()
    if not cabinet:
        return []
    if not CABINET.match(cabinet):
        raise ValidationError("柜号不能含空格或“-”，最多 10 个字。", field="cabinet")
    used = [p[len(cabinet) + 1 :] for p in keys_store.hooks_in_cabinet(desk.db, cabinet)]
    highest = max((int(n) for n in used if n.isdigit()), default=0)
    hooks = [f"{cabinet}-{highest + 1 + n:03d}" for n in range(count)]
    if plan.shuffled:
        random.SystemRandom().shuffle(hooks)
    return hooks


def _plan_units(desk: Desk, plan: IntakePlan) -> tuple[list[tuple[int, str]], set[int]]:
    if plan.kind not in UNIT_KEY_KINDS:
        raise ValidationError(f"整栋入库只用于房屋钥匙：{'、'.join(UNIT_KEY_KINDS)}", field="kind")
    building = (plan.building or "").strip().upper()
    if not building or buildings_store.building_by_code(desk.db, building) is None:
        raise ValidationError(f"没有楼号 {building}。", field="building")
    units = units_store.list_units(
        desk.db, building=building, entrance=plan.entrance, limit=BULK_LIMIT + 1, offset=0
    )
    if not units:
        raise ValidationError(f"{building}栋没有房屋。", field="building")
    if len(units) > BULK_LIMIT:
        raise ValidationError(f"一次最多入库 {BULK_LIMIT} 套钥匙。", field="building")
    pairs = [(u.id, u.code) for u in units]
    existing = keys_store.units_with_sets(desk.db, [i for i, _ in pairs], [plan.kind])
    return pairs, existing


def preview_intake(desk: Desk, plan: IntakePlan) -> IntakePreview:
    """What posting the plan would create (codes and units) and which units already have one."""
    clean_pieces(plan.kind, plan.pieces)
    pairs, existing = _plan_units(desk, plan)
    new = [unit_code for unit_id, unit_code in pairs if unit_id not in existing]
    hooks = _hooks(desk, replace(plan, shuffled=False), len(new))
    return IntakePreview(
        [(next_code(desk, i), unit_code) for i, unit_code in enumerate(new)],
        [unit_code for unit_id, unit_code in pairs if unit_id in existing],
        hooks,
    )


def post_intake(desk: Desk, plan: IntakePlan, *, skip_existing: bool = False) -> Done[list[int]]:
    """整栋入库 in one transaction: a set per unit, numbered in unit order, with its pieces."""
    pieces = clean_pieces(plan.kind, plan.pieces)
    pairs, existing = _plan_units(desk, plan)
    if existing and not skip_existing:
        raise ValidationError(
            f"{len(existing)} 套房屋已有{plan.kind}钥匙，未入库任何钥匙。", field="building"
        )
    todo = [(unit_id, code) for unit_id, code in pairs if unit_id not in existing]
    hooks = _hooks(desk, plan, len(todo)) or [""] * len(todo)
    ids: list[int] = []
    with desk.operation("keys_taken_in") as op:
        for (unit_id, _unit_code), hook in zip(todo, hooks, strict=True):
            # the set just inserted is the highest code: the next follows it
            new = NewKeySet(code=next_code(desk), kind=plan.kind, unit_id=unit_id, place=hook)
            ids.append(_intake(op, new, pieces))
        op.touch("key_sets", ids)
        op.record(
            "key_sets",
            None,
            building=plan.building,
            kind=plan.kind,
            count=len(ids),
            pieces=pieces,
            first=todo[0][1] if todo else None,
            last=todo[-1][1] if todo else None,
            cabinet=plan.cabinet.strip() or None,
            shuffled=plan.shuffled,
        )
    return op.done(ids)


def key_set(desk: Desk, set_id: int) -> KeySetRow:
    row = keys_store.get(desk.db, set_id)
    if row is None:
        raise NotFoundError(f"钥匙 {set_id} 不存在。")
    return row


def find(desk: Desk, code_text: str) -> KeySetRow:
    """The set of a scanned or typed tag (one indexed lookup)."""
    code = normalise_code(code_text)
    row = keys_store.by_code(desk.db, code) if CODE.match(code) else None
    if row is None:
        raise NotFoundError(f"没有钥匙编号 {code or code_text.strip()}。", field="code")
    return row


def codes_of(desk: Desk, set_ids: list[int]) -> list[str]:
    """The tags of sets just taken in (for their labels), in code order."""
    return keys_store.codes_of(desk.db, set_ids)


def pieces(desk: Desk, set_id: int) -> list[keys_store.PieceRow]:
    return keys_store.pieces(desk.db, set_id)


def count_sets(desk: Desk) -> int:
    return keys_store.count(desk.db)


def list_sets(desk: Desk, *, limit: int, offset: int) -> list[KeySetRow]:
    return keys_store.page(desk.db, limit=limit, offset=offset)


def history(desk: Desk, set_id: int) -> list[MovementRow]:
    """Every movement of the set, oldest first: who, when, why."""
    return keys_store.movements_of_set(desk.db, set_id)


def sets_of_unit(desk: Desk, unit_id: int) -> list[KeySetRow]:
    return keys_store.of_unit(desk.db, unit_id)


def history_of_unit(desk: Desk, unit_id: int) -> list[MovementRow]:
    """The movements of every key set of the unit, oldest first."""
    rows = [m for s in keys_store.of_unit(desk.db, unit_id) for m in history(desk, s.id)]
    return sorted(rows, key=lambda m: m.id)


# 寄存 / 领取 by the owner of record ------------------------------------------------------


@dataclass(frozen=True)
class Depositor:
    """Who hands the keys over or takes them: an owner of record of the unit, or an agent
    with the owner's power of attorney (委托书), whose ID number is kept masked."""

    person_id: int
    agent_name: str = ""
    agent_id_number: str = ""
    power_of_attorney: bool = False
    # An agent whose ID was checked earlier in the same visit (the move-in's identity
    # station keeps only the masked number): used when ``agent_id_number`` is empty.
    agent_id_masked: str = ""


@dataclass(frozen=True)
class OwnerOfRecord:
    person_id: int
    name: str
    role: str  # owner / co_owner


def owners_of_record(desk: Desk, row: KeySetRow) -> list[OwnerOfRecord]:
    """Who may deposit or collect the set's keys: the unit's owners and co-owners now."""
    if row.unit_id is None:
        return []
    return [
        OwnerOfRecord(o.person_id, o.person.name, o.role)
        for o in people_store.occupancies_for_unit(desk.db, row.unit_id, current_only=True)
        if o.role in ("owner", "co_owner")
    ]


def _owner_checked(
    desk: Desk, row: KeySetRow, who: Depositor, kinds: tuple[str, ...] = ("业主代管",)
) -> tuple[str, str]:
    if row.kind not in kinds or row.unit_id is None:
        raise ValidationError("只有业主代管钥匙由业主寄存、领取。", field="code")
    owners = {o.person_id for o in owners_of_record(desk, row)}
    if who.person_id not in owners:
        raise ValidationError(f"此人不是 {row.unit_code} 的登记业主，不能办理。", field="person")
    agent = who.agent_name.strip()
    if not agent:
        return "", ""
    if not who.power_of_attorney:
        raise ValidationError("代理人须出示业主的委托书。", field="agent")
    if not who.agent_id_number.strip() and who.agent_id_masked.strip():
        return agent, who.agent_id_masked.strip()
    if not who.agent_id_number.strip():
        raise ValidationError("请填写代理人的身份证号码。", field="agent_id_number")
    return agent, mask_id_number(validate_id_number(who.agent_id_number))


def _counts(desk: Desk, set_id: int) -> dict[str, tuple[int, int]]:
    return {p.piece_type: (p.held, p.out) for p in keys_store.pieces(desk.db, set_id)}


def state_of(counts: dict[str, tuple[int, int]]) -> str:
    if any(out for _held, out in counts.values()):
        return "out"
    return "in" if any(held for held, _out in counts.values()) else "empty"


def deposit(desk: Desk, set_id: int, pieces: dict[str, int], who: Depositor) -> Done[KeySetRow]:
    """钥匙寄存: the owner leaves keys with the desk (added to the set's pieces)."""
    row = key_set(desk, set_id)
    agent, agent_id = _owner_checked(desk, row, who)
    wanted = clean_pieces(row.kind, pieces)
    counts = _counts(desk, set_id)
    for piece_type, n in wanted.items():
        held, out = counts.get(piece_type, (0, 0))
        if held + out + n > MAX_PIECES:
            raise ValidationError(f"{piece_type}的数量应为 0–{MAX_PIECES}。", field="pieces")
        counts[piece_type] = (held + n, out)
    return _owner_movement(
        desk, row, "寄存", "keys_deposited", wanted, counts, who, agent, agent_id
    )


def collect(desk: Desk, set_id: int, pieces: dict[str, int], who: Depositor) -> Done[KeySetRow]:
    """钥匙领取: the owner takes keys back (only keys at the desk, not those lent), or, at
    the hand-over (收房), the keys of the unit taken over from the developer (接管)."""
    row = key_set(desk, set_id)
    agent, agent_id = _owner_checked(desk, row, who, ("业主代管", "接管"))
    wanted = clean_pieces(row.kind, pieces)
    counts = _counts(desk, set_id)
    for piece_type, n in wanted.items():
        held, out = counts.get(piece_type, (0, 0))
        if n > held:
            raise ValidationError(f"{row.code} 在柜的{piece_type}只有 {held} 把。", field="pieces")
        counts[piece_type] = (held - n, out)
    return _owner_movement(
        desk, row, "领取", "keys_collected", wanted, counts, who, agent, agent_id
    )


def _owner_movement(
    desk: Desk,
    row: KeySetRow,
    kind: str,
    operation: str,
    wanted: dict[str, int],
    counts: dict[str, tuple[int, int]],
    who: Depositor,
    agent: str,
    agent_id: str,
) -> Done[KeySetRow]:
    with desk.operation(operation) as op:
        piece_ids = keys_store.set_pieces(op.db, row.id, {t: counts[t] for t in wanted}, op.stamp)
        keys_store.update_set(
            op.db,
            row.id,
            state=state_of(counts),
            loan_id=row.loan_id,
            due_back=row.due_back,
            updated_at=op.at,
        )
        movement_id = keys_store.insert_movement(
            op.db,
            NewMovement(
                row.id,
                kind,
                wanted,
                person_id=who.person_id,
                agent_name=agent,
                agent_id_masked=agent_id,
            ),
            op.stamp,
        )
        op.touch("key_pieces", piece_ids)
        op.touch("key_sets", [row.id])
        op.record("key_movements", movement_id, code=row.code, kind=kind, pieces=wanted)
    return op.done(key_set(desk, row.id))
