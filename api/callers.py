"""Who is calling: API keys map to caller names; keys are compared in constant time and
never logged or stored (only a hash-derived name is, for bare keys)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass


@dataclass(frozen=True)
class CallerKeys:
    by_name: dict[str, str]
    """caller name → key"""

    @classmethod
    def parse(cls, spec: str | None) -> CallerKeys:
        keys: dict[str, str] = {}
        for item in (spec or "").split(","):
            item = item.strip()
            if not item:
                continue
            name, sep, key = item.partition("=")
            if not sep:
                key, name = item, "caller_" + hashlib.sha256(item.encode()).hexdigest()[:12]
            keys[name.strip()] = key.strip()
        return cls(by_name=keys)

    @classmethod
    def dev(cls) -> tuple[CallerKeys, str]:
        """A generated key for sandbox mode, printed once at start-up."""
        key = "dev_" + secrets.token_urlsafe(24)
        return cls(by_name={"dev": key}), key

    def caller_for(self, presented: str | None) -> str | None:
        if not presented:
            return None
        found = None
        for name, key in self.by_name.items():
            if hmac.compare_digest(key.encode(), presented.encode()):
                found = name
        return found

    def __bool__(self) -> bool:
        return bool(self.by_name)
