"""What a seeded sandbox holds, by name: counts and refs that tests and transcripts use.

Ids change on every seeding (localstripe draws them), so transcripts never name one: they write
`{{customer.jane.id}}` or `{{payment.partly_refunded}}`, and `fill` puts the ids in.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, Field

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z0-9_.]+)\s*\}\}")


class UnknownRef(KeyError):
    """A placeholder names something the manifest does not hold."""


class SeedManifest(BaseModel):
    now: int = Field(description="the unix time the dataset was laid out against")
    rng_seed: int
    counts: dict[str, int]
    refs: dict[str, str]

    def ref(self, name: str) -> str:
        try:
            return self.refs[name]
        except KeyError:
            raise UnknownRef(f"the seed manifest has no ref {name!r}") from None

    def fill(self, value: Any) -> Any:
        """Replace every `{{name}}` in a string (or inside lists and dicts) by its ref."""
        if isinstance(value, str):
            return PLACEHOLDER.sub(lambda m: self.ref(m.group(1)), value)
        if isinstance(value, list):
            return [self.fill(v) for v in value]
        if isinstance(value, dict):
            return {k: self.fill(v) for k, v in value.items()}
        return value
