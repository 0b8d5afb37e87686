"""Password hashing with Argon2id at OWASP's recommended minimum
(19 MiB of memory, 2 iterations, 1 lane): about 30 ms per check, so a login or a
handover (two checks) never keeps the queue waiting.

The stored form is the standard encoded hash (``$argon2id$v=19$m=19456,t=2,p=1$…``),
which names its own parameters, so the cost can be raised later without
breaking old hashes; ``needs_rehash`` tells when a stored hash is weaker.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from desk_app.core.errors import ValidationError

TIME_COST = 2
MEMORY_COST_KIB = 19 * 1024
PARALLELISM = 1
MIN_PASSWORD_LENGTH = 6


def _hasher() -> PasswordHasher:
    return PasswordHasher(time_cost=TIME_COST, memory_cost=MEMORY_COST_KIB, parallelism=PARALLELISM)


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(f"密码至少 {MIN_PASSWORD_LENGTH} 位。")
    if password.strip() != password:
        raise ValidationError("密码首尾不能有空格。")


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password: str, stored: str) -> bool:
    try:
        return _hasher().verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return _hasher().check_needs_rehash(stored)
