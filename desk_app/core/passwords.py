"""Password hashing with scrypt at OWASP's recommended cost (N=2^17, r=8, p=1).

The stored form names its parameters, ``scrypt$17$8$1$<salt hex>$<hash hex>``,
so the cost can be raised later without breaking old hashes.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from desk_app.core.errors import ValidationError

DEFAULT_LOG2_N = 17
DEFAULT_R = 8
DEFAULT_P = 1
MIN_PASSWORD_LENGTH = 6


def _derive(password: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    n = 1 << log2_n
    return hashlib.scrypt(
        password.encode("utf-8"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        dklen=32,
        maxmem=130 * n * r * p + 1024 * 1024,
    )


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(f"密码至少 {MIN_PASSWORD_LENGTH} 位。")
    if password.strip() != password:
        raise ValidationError("密码首尾不能有空格。")


def hash_password(password: str, *, log2_n: int | None = None) -> str:
    # Read at call time so tests can lower the cost; each hash records its own.
    log2_n = DEFAULT_LOG2_N if log2_n is None else log2_n
    salt = secrets.token_bytes(16)
    digest = _derive(password, salt, log2_n, DEFAULT_R, DEFAULT_P)
    return f"scrypt${log2_n}${DEFAULT_R}${DEFAULT_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, log2_n, r, p, salt_hex, digest_hex = stored.split("$")
        if scheme != "scrypt":
            return False
        digest = _derive(password, bytes.fromhex(salt_hex), int(log2_n), int(r), int(p))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(digest, bytes.fromhex(digest_hex))
