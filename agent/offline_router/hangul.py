"""Korean requests written out in the English words the lexicon scores ("cus_X 에게 45,000원
결제 생성해줘" -> "cus_X to ₩45,000 create payment"), before anything else reads the message.

Korean glues its particles and verb endings to the word ("환불해줘", "결제를", "고객에게"), so
no word of it could be a canonical token as typed. A Hangul word that starts with a known stem
(`lexicon.yaml` `hangul.stems`, longest first) becomes that stem's English: what follows the
stem is grammar (endings, particles). Any other Hangul word (a name such as "이수진") keeps its
letters, less a trailing particle of `hangul.particles`; words of `hangul.dropped` ("좀",
"주세요") go. A number followed by 원 is an amount in won, by 건 a count of payments.
Confirmation replies are read from their own vocabulary (`confirmation.yaml`), never from here.
"""

from __future__ import annotations

import re
from typing import Any

from agent.offline_router.lexicon import DATA

_DATA: dict[str, Any] = DATA.lexicon["hangul"]
_STEMS: dict[str, str] = {str(k): str(v) for k, v in _DATA["stems"].items()}
_BY_LENGTH = sorted(_STEMS, key=len, reverse=True)
_PARTICLES = sorted((str(p) for p in _DATA["particles"]), key=len, reverse=True)
_DROPPED = frozenset(str(w) for w in _DATA["dropped"])
_WHOLE = frozenset(str(w) for w in _DATA["whole_words"])
"""Stems that also open common given names ("이상민", "이하나", "새롬"): read only as a word of
their own, or with a particle or ending of `dropped` after them ("이하", "이상만")."""
_PHRASES = sorted(
    ((str(k), str(v)) for k, v in _DATA["phrases"].items()), key=lambda kv: len(kv[0]), reverse=True
)
_TAILS = _DROPPED | frozenset(_PARTICLES)
_HANGUL = re.compile(r"[\uac00-\ud7a3]+")
_WON = re.compile(r"(\d[\d,.]*)\s*원(?=$|[^\uac00-\ud7a3]|[만은이을도짜])")
_LEFT = (3, 2)
"""Letters a word keeps after losing a one-letter particle (a three-letter name such as "김하은"
ends in one) or a longer one ("이수진에게")."""
_COUNT = re.compile(r"(\d+)\s*건")


def _word(word: str) -> str:
    if word in _DROPPED:
        return " "
    for stem in _BY_LENGTH:
        rest = word[len(stem) :]
        if word.startswith(stem) and (stem not in _WHOLE or not rest or rest in _TAILS):
            return f" {_STEMS[stem]} "
    for particle in _PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= _LEFT[len(particle) > 1]:
            return word[: -len(particle)]
    return word


def written_out(text: str) -> str:
    """The message with its Korean stems in English; text without Hangul comes back as is."""
    if not _HANGUL.search(text):
        return text
    text = _WON.sub(r"₩\1 ", text)
    text = _COUNT.sub(r"\1 payments ", text)
    for korean, english in _PHRASES:
        text = text.replace(korean, f" {english} ")
    text = _HANGUL.sub(lambda m: _word(m.group()), text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()
