"""Daily document numbers: ``WX20261120-0001`` (prefix, date, sequence of the day).

Numbers sort as text in the order they were given, because the sequence has a fixed
width; a day holds up to 9,999 numbers of one kind.
"""

from __future__ import annotations

import re
from datetime import date

from desk_app.core.errors import ValidationError

SEQUENCE_DIGITS = 4
_MAX_SEQUENCE = 10**SEQUENCE_DIGITS - 1


def day_prefix(letters: str, day: date) -> str:
    return f"{letters}{day:%Y%m%d}-"


def next_number(letters: str, day: date, last_of_day: str | None) -> str:
    """The number after ``last_of_day`` (the highest number of that day, or None)."""
    prefix = day_prefix(letters, day)
    if last_of_day is None:
        sequence = 1
    else:
        if not last_of_day.startswith(prefix):
            raise ValueError(f"{last_of_day!r} is not a number of {prefix}")
        sequence = int(last_of_day[len(prefix) :]) + 1
    if sequence > _MAX_SEQUENCE:
        raise ValidationError(f"当日编号已用完（{prefix}{_MAX_SEQUENCE}）。")
    return f"{prefix}{sequence:0{SEQUENCE_DIGITS}d}"


_NUMBER = re.compile(r"^([A-Z]{1,4})(\d{8})-(\d{4})$")


def parse_number(text: str) -> tuple[str, date, int] | None:
    """(letters, day, sequence) of a number, or None when it is not one."""
    match = _NUMBER.fullmatch(text.strip().upper())
    if not match:
        return None
    digits = match.group(2)
    try:
        day = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None
    return match.group(1), day, int(match.group(3))
