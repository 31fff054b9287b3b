"""A value corrected in the same breath ("charge fifty no sorry sixty dollars", "Jon no sorry
John Miller", "mark@brightline.co no sorry mark@brightlane.co"): the first value is dropped,
as a listener would. Dictated messages do this all the time; typed ones now and then.

Only a value followed by a marker and then another value of the same kind (an email, a number,
a capitalised name) is dropped, so "no trial" or "Jon, no email" stay as they are.
"""

from __future__ import annotations

import re

from skills.money import NUMBER_WORDS

_MARKER = (
    r"(?:,?\s+|\s*[-–—]\s*)(?:no\s+sorry|sorry\s+no|no\s+wait|no\s+no|no\s+i\s+mean|sorry\s+i\s+mean"
    r"|sorry\s+i\s+meant|i\s+mean|i\s+meant|no\s+make\s+(?:that|it)|make\s+(?:that|it)|or\s+rather"
    r"|scratch\s+that|sorry|no)[,.]?\s+"
)
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_WORDS = "|".join(sorted((w for w in NUMBER_WORDS if len(w) > 2), key=len, reverse=True))
_NUMBER = rf"[$€£¥]?\d[\d.,]*|(?:{_WORDS})(?:[\s-]+(?:{_WORDS}))*"
_NAME = (
    r"(?!(?:yes|no|ok|okay|sorry|wait|please|thanks|hi|hello|hey|actually|cancel|stop)\b)"
    r"(?-i:[A-Z][a-z][\w'’-]*)"
)
_CORRECTED = re.compile(
    rf"(?<![\w@.])(?:{_EMAIL}(?={_MARKER}{_EMAIL})"
    rf"|(?:{_NUMBER})(?={_MARKER}(?:{_NUMBER})\b)"
    rf"|{_NAME}(?={_MARKER}{_NAME}))"
    rf"{_MARKER}",
    re.IGNORECASE,
)


def without_corrected_values(text: str) -> str:
    """`text` with every value the user took back in the same sentence left out."""
    return _CORRECTED.sub("", text)
