"""The demo estate's people: owners with plausible names (surname frequencies),
co-owners, tenants with leases, household members, vehicles — synthetic ID
numbers with valid check digits, phones, and the household archive dates.

The units of the demo's deliveries (``demo/delivery.py``) follow it: a unit of the
building delivered years ago is owned from the day it was handed over (its 收楼日期); a
unit of the batch in progress is either unsold (空置, nobody), or owned by an owner of
record who bought it off plan — received (已交房, 收楼日期 the day of the hand-over) or
not yet (空置, no 收楼日期) — and nobody has moved in yet.

Written in bulk through the storage layer inside the demo's one transaction.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from desk_app.core.masking import id_check_char
from desk_app.demo.delivery import NOTHING, Delivery
from desk_app.services.desk import Desk
from desk_app.storage.directory import archives as archives_store
from desk_app.storage.directory import people as people_store
from desk_app.storage.directory import search_index
from desk_app.storage.directory.archives import ArchiveFacts
from desk_app.storage.directory.people import PersonRecord

# The commonest surnames with rough shares (per mille) of the population.
SURNAMES = [
    ("王", 72),
    ("李", 72),
    ("张", 69),
    ("刘", 54),
    ("陈", 45),
    ("杨", 32),
    ("黄", 23),
    ("赵", 22),
    ("吴", 20),
    ("周", 19),
    ("徐", 14),
    ("孙", 13),
    ("马", 12),
    ("朱", 11),
    ("胡", 10),
    ("郭", 10),
    ("何", 9),
    ("林", 9),
    ("高", 9),
    ("罗", 8),
    ("郑", 8),
    ("梁", 7),
    ("谢", 6),
    ("宋", 5),
    ("唐", 5),
    ("许", 5),
    ("韩", 5),
    ("冯", 4),
    ("邓", 4),
    ("曹", 4),
    ("彭", 4),
    ("曾", 4),
    ("肖", 4),
    ("田", 3),
    ("董", 3),
    ("袁", 3),
    ("潘", 3),
    ("于", 3),
    ("蒋", 3),
    ("蔡", 3),
    ("余", 3),
    ("杜", 3),
    ("叶", 3),
    ("程", 3),
    ("苏", 3),
    ("魏", 3),
    ("吕", 3),
    ("丁", 2),
    ("任", 2),
    ("沈", 2),
    ("姚", 2),
    ("卢", 2),
    ("姜", 2),
    ("崔", 2),
    ("钟", 2),
    ("谭", 2),
    ("陆", 2),
    ("汪", 2),
    ("范", 2),
    ("金", 2),
    ("石", 2),
    ("廖", 2),
    ("贾", 2),
    ("夏", 2),
    ("韦", 2),
    ("付", 2),
    ("方", 2),
    ("白", 2),
    ("邹", 2),
    ("孟", 2),
    ("单", 1),
    ("欧阳", 1),
    ("上官", 1),
]
GIVEN_MALE = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林洋"
GIVEN_FEMALE = "芳娜敏静丽艳娟霞秀玲桂英红梅琳雪慧婷颖倩晶璐欣怡佳琪悦萍燕"
REGIONS = [
    "370102",
    "370103",
    "370104",
    "370105",
    "370112",
    "370181",
    "370202",
    "370211",
    "110105",
    "310115",
    "320102",
    "410105",
    "130102",
    "210103",
    "420106",
]
PROVINCES = "鲁鲁鲁鲁京沪苏豫冀辽鄂"
RELATIONS = ["配偶", "子女", "子女", "父亲", "母亲", "孙子女"]
MEMBER_AGES = {
    "配偶": (25, 75),
    "子女": (1, 40),
    "父亲": (55, 92),
    "母亲": (55, 92),
    "孙子女": (1, 18),
}
HUKOU = [
    "山东省济南市",
    "山东省青岛市",
    "山东省淄博市",
    "河北省石家庄市",
    "河南省郑州市",
    "江苏省南京市",
    "北京市朝阳区",
]
EMPLOYERS = [
    "济南市第一中学",
    "华城物业服务有限公司",
    "齐鲁医院",
    "个体经营",
    "山东大学",
    "中国银行济南分行",
    "浪潮集团",
    "退休",
    "",
    "",
]


class PeopleMaker:
    def __init__(self, rng: random.Random, today: date) -> None:
        self.rng = rng
        self.today = today
        names, weights = zip(*SURNAMES, strict=True)
        self._surnames = list(names)
        self._weights = list(weights)
        self._sequence = 0
        self._used_ids: set[str] = set()

    def name(self, gender: str) -> str:
        surname = self.rng.choices(self._surnames, self._weights)[0]
        pool = GIVEN_MALE if gender == "男" else GIVEN_FEMALE
        given = self.rng.choice(pool) + (self.rng.choice(pool) if self.rng.random() < 0.7 else "")
        return surname + given

    def id_number(self, birth: date, gender: str) -> str:
        while True:
            number = self._id_number(birth, gender)
            if number not in self._used_ids:
                self._used_ids.add(number)
                return number

    def _id_number(self, birth: date, gender: str) -> str:
        self._sequence = (self._sequence + 7) % 1000
        odd_even = self._sequence // 10 * 10 + (
            self.rng.choice([1, 3, 5, 7, 9]) if gender == "男" else self.rng.choice([0, 2, 4, 6, 8])
        )
        first17 = f"{self.rng.choice(REGIONS)}{birth:%Y%m%d}{odd_even % 1000:03d}"
        return first17 + id_check_char(first17)

    def phone(self) -> str:
        prefix = self.rng.choice(
            [
                "138",
                "139",
                "135",
                "136",
                "150",
                "151",
                "152",
                "158",
                "159",
                "186",
                "187",
                "188",
                "131",
                "132",
                "155",
                "177",
                "180",
                "189",
                "199",
            ]
        )
        return f"{prefix}{self.rng.randint(0, 99_999_999):08d}"

    def person(
        self,
        *,
        min_age: int,
        max_age: int,
        gender: str | None = None,
        with_id: bool = True,
        with_phone: bool = True,
    ) -> PersonRecord:
        gender = gender or self.rng.choice(["男", "女"])
        age_days = self.rng.randint(min_age * 365, max_age * 365)
        birth = self.today - timedelta(days=age_days)
        return PersonRecord(
            name=self.name(gender),
            gender=gender,
            birth_month=f"{birth:%Y-%m}",
            id_number=self.id_number(birth, gender) if with_id else None,
            phone=self.phone() if with_phone else None,
            hukou=self.rng.choice(HUKOU),
            employer=self.rng.choice(EMPLOYERS) or None,
        )

    def plate(self) -> str:
        letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
        tail = "".join(self.rng.choice("0123456789" + letters[:10]) for _ in range(5))
        return f"{self.rng.choice(PROVINCES)}{self.rng.choice(letters[:8])}{tail}"


def _iso(day: date) -> str:
    return day.isoformat()


def populate(
    desk: Desk,
    rng: random.Random,
    unit_ids: list[int],
    *,
    today: date,
    years: int,
    at: str,
    delivery: Delivery = NOTHING,
) -> dict[str, int]:
    """Occupy the demo units; returns counts. Runs inside the caller's transaction."""
    from desk_app.storage.directory import units as units_store

    maker = PeopleMaker(rng, today)
    db = desk.db
    counts = {"people": 0, "occupancies": 0, "vehicles": 0, "transfers": 0}
    person_ids: list[int] = []
    vehicle_ids: list[int] = []
    plates: set[str] = set()
    opened = today - timedelta(days=365 * max(years, 1))

    def add_person(record: PersonRecord) -> int:
        person_id = people_store.insert_person(
            db, record, created_at=at, created_by=None, created_shift=None
        )
        person_ids.append(person_id)
        counts["people"] += 1
        return person_id

    def occupy(unit_id: int, person_id: int, role: str, **extra: str | None) -> int:
        counts["occupancies"] += 1
        return people_store.insert_occupancy(
            db,
            unit_id=unit_id,
            person_id=person_id,
            role=role,
            relation=extra.get("relation"),
            since=extra.get("since"),
            lease_start=extra.get("lease_start"),
            lease_end=extra.get("lease_end"),
            created_at=at,
            created_by=None,
            created_shift=None,
        )

    new_units = delivery.new_units()
    first_batch_day = delivery.new.starts_on if delivery.new is not None else today

    def off_plan(unit_id: int) -> None:
        """A unit of the batch in progress: its buyer (and spouse), nobody living there."""
        if not delivery.sold.get(unit_id):
            return  # unsold: 空置, no owner
        purchased = first_batch_day - timedelta(days=rng.randint(60, 500))
        received = delivery.received.get(unit_id)
        owner = add_person(maker.person(min_age=26, max_age=65))
        occupy(unit_id, owner, "owner", since=_iso(received or purchased))
        if rng.random() < 0.35:
            spouse = add_person(maker.person(min_age=26, max_age=65))
            occupy(unit_id, spouse, "co_owner", since=_iso(received or purchased))
        if received is not None:
            units_store.update(db, unit_id, {"status": "已交房"}, at)
        archives_store.put_facts(
            db,
            unit_id,
            ArchiveFacts(
                purchase_date=_iso(purchased),
                contract_signed_on=_iso(purchased),
                receive_date=_iso(received) if received else None,
                checkin_done_on=_iso(received) if received else None,
                property_nature="商品房",
                title_certificate="未办",
            ),
            updated_at=at,
            updated_by=None,
            updated_shift=None,
        )

    for unit_id in unit_ids:
        if unit_id in new_units:
            off_plan(unit_id)
            continue
        roll = rng.random()
        delivered = delivery.received.get(unit_id)
        if roll < 0.06 and delivered is None:
            continue  # 空置: no owner yet
        bought = opened + timedelta(days=rng.randint(0, 200))
        if delivered is not None:  # handed over on that day (收房)
            bought = delivered
        owner = add_person(maker.person(min_age=28, max_age=75))
        if rng.random() < 0.07:  # sold once: the former owner stays in the history
            sold_on = bought + timedelta(
                days=rng.randint(300, max(301, (today - bought).days - 30))
            )
            # never after the end of the history (short histories leave < 300 days)
            sold_on = max(bought + timedelta(days=1), min(sold_on, today - timedelta(days=30)))
            first = occupy(unit_id, owner, "owner", since=_iso(bought))
            people_store.end_occupancy(
                db,
                first,
                until=_iso(sold_on),
                reason="产权转移",
                ended_at=at,
                ended_by=None,
                ended_shift=None,
            )
            owner = add_person(maker.person(min_age=28, max_age=70))
            bought = sold_on
            counts["transfers"] += 1
        occupy(unit_id, owner, "owner", since=_iso(bought))
        status = "已入住"
        if rng.random() < 0.35:
            spouse = add_person(maker.person(min_age=28, max_age=70))
            occupy(unit_id, spouse, "co_owner", since=_iso(bought))
        if roll < 0.22:
            status = "出租"
            start = today - timedelta(days=rng.randint(10, 700))
            tenant = add_person(maker.person(min_age=22, max_age=55))
            occupy(
                unit_id,
                tenant,
                "tenant",
                lease_start=_iso(start),
                lease_end=_iso(start + timedelta(days=365 * rng.choice([1, 1, 2, 3]))),
            )
        elif roll < 0.27:
            status = rng.choice(["已交房", "装修中"])
        else:
            for _ in range(rng.choice([0, 1, 1, 2, 2, 3])):
                relation = rng.choice(RELATIONS)
                gender = {"父亲": "男", "母亲": "女"}.get(relation)
                member = add_person(
                    maker.person(
                        min_age=MEMBER_AGES[relation][0],
                        max_age=MEMBER_AGES[relation][1],
                        gender=gender,
                        with_id=rng.random() < 0.6,
                        with_phone=rng.random() < 0.5,
                    )
                )
                occupy(unit_id, member, "member", relation=relation, since=_iso(bought))
        units_store.update(db, unit_id, {"status": status}, at)
        if rng.random() < 0.55:
            plate = maker.plate()
            if plate not in plates:
                plates.add(plate)
                vehicle_id = people_store.insert_vehicle(
                    db,
                    unit_id=unit_id,
                    person_id=owner,
                    kind="汽车",
                    plate=plate,
                    note=None,
                    created_at=at,
                    created_by=None,
                    created_shift=None,
                )
                vehicle_ids.append(vehicle_id)
                counts["vehicles"] += 1
        archives_store.put_facts(
            db,
            unit_id,
            ArchiveFacts(
                purchase_date=_iso(bought - timedelta(days=rng.randint(30, 400))),
                receive_date=_iso(delivered or bought),  # the hand-over's, even if sold since
                checkin_done_on=_iso(delivered) if delivered is not None else None,
                movein_date=_iso(bought + timedelta(days=rng.randint(30, 240)))
                if status == "已入住"
                else None,
                property_nature="商品房",
                title_certificate=rng.choice(["已办", "未办"]),
            ),
            updated_at=at,
            updated_by=None,
            updated_shift=None,
        )
        for paper in ("身份证复印件", "入伙通知书", "前期物业管理服务协议", "业主情况登记表"):
            archives_store.set_paper(
                db,
                unit_id,
                paper,
                rng.random() < 0.9,
                updated_at=at,
                updated_by=None,
                updated_shift=None,
            )
    search_index.index_people_bulk(db, person_ids)
    search_index.index_vehicles_bulk(db, vehicle_ids)
    return counts
