"""People's and companies' names, copied as typed: the skill resolves them, not the router."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from wordfreq import zipf_frequency

from agent.offline_router.fuzzy import misspelt_common_word
from agent.offline_router.lexicon import DATA, LEXICON
from agent.offline_router.tokens import Parsed, Token, inflected

_S = DATA.slots
_PRONOUNS = (str(p) for p in _S["customer_pronouns"] + _S["payment_pronouns"] if " " not in str(p))
_STOP = frozenset(str(w) for w in _S["name_stop"]) | frozenset(_PRONOUNS)
_CONNECT = frozenset(str(w) for w in _S["name_connectors"])
_ANY_SUFFIX = frozenset(str(w) for w in _S["company_suffixes"])
_SUFFIX = _ANY_SUFFIX - _STOP
_TRADES = frozenset(str(w) for w in _S["trade_words"])
_KIN = frozenset(str(w) for w in _S["business_partner_words"])
_NUMBER_WORDS = frozenset(str(w) for w in _S["number_words"])
_MAX_WORDS = 5
_VERB_FORM_MIN = 4
_PLAN_NOUNS = frozenset({"plan", "plans", "tier", "package", "subscription", "price"})
_PARTICLE_LEN = 3
_NAME_CHARS = frozenset("-'.&")
_HONORIFICS = frozenset(str(w) for w in _S["honorifics"])
_SURNAMES = frozenset(str(w) for w in _S["surname_words"])
_DOCUMENTS = frozenset(str(w) for w in _S["document_nouns"])
_PLACES = frozenset(str(w) for w in _S["place_nouns"])


@dataclass(frozen=True)
class Name:
    """A name found in the message: its text as typed and its token range [start, end)."""

    text: str
    start: int
    end: int


def is_name_word(tok: Token, first: bool = False) -> bool:
    """Could this token be part of a name? Cue words count only when capitalised mid-sentence."""
    if tok.is_placeholder or tok.is_punct or tok.canon == "<num>" or tok.norm.isdigit():
        return False
    if not all(c.isalnum() or c in _NAME_CHARS for c in tok.norm) or not tok.norm[0].isalnum():
        return False
    if tok.norm in _SUFFIX or (tok.norm in _ANY_SUFFIX and not first and _upper(tok)):
        return True  # "Acme Ltd", and "Fjordline AS" (a stop word unless in capitals)
    if tok.norm in _STOP or tok.canon in _STOP or (tok.norm in _NUMBER_WORDS and not tok.capital):
        return False
    verb_form = tok.norm.endswith(("ing", "ed")) and "-" not in tok.norm  # "al-sayed" is a name
    if not tok.capital and len(tok.norm) > _VERB_FORM_MIN and verb_form:
        return False  # "she called asking about …", "she's ordered": verbs, not names
    if not tok.capital and misspelt_common_word(tok.norm):
        return False  # "a customer emaield saying…": a slip, no name
    cue = tok.canon in LEXICON.canonical_words or tok.fuzzy
    return not cue or (tok.capital and not first and not tok.fuzzy and tok.norm != "i")


def _kin(tok: Token) -> bool:
    return tok.norm in _KIN and (tok.capital or tok.orig.isupper())


def _upper(tok: Token) -> bool:
    return len(tok.orig) > 1 and tok.orig.isupper()


def _particle_name(tok: Token) -> bool:
    """After a particle ("Nguyen Van An", "Maria de La Cruz") a capitalised short word is part
    of the name even when it is a stop word elsewhere ("an", "la")."""
    short = len(tok.norm) <= _PARTICLE_LEN
    return (
        tok.capital and tok.norm.isalpha() and (short or tok.canon not in LEXICON.canonical_words)
    )


def _before_a_suffix(tokens: list[Token], j: int) -> bool:
    return j + 1 < len(tokens) and tokens[j + 1].norm in _SUFFIX and tokens[j - 1].capital


def name_after(msg: Parsed, i: int) -> Name | None:
    """The name starting at tokens[i] (connectors allowed inside: "Bank of America")."""
    tokens = msg.tokens
    j = i
    while j < len(tokens) and j - i < _MAX_WORDS:
        if j > i and msg.sentence_ends_before(j):
            break  # "her name's Karen Whitfield. Bella is the poodle"
        tok = tokens[j]
        if j > i and _lowercase_word_between(msg, i, j):
            break  # "Daniel met Lukas Brenner at the show": two names, a verb between them
        after_particle = j > i and tokens[j - 1].norm in _CONNECT and _particle_name(tok)
        if is_name_word(tok, first=j == 0) or after_particle:
            j += 1
        elif j == i and _word_as_first_name(msg, j):
            j += 1  # "for Bill Okafor", "Mark Lee": a first name that is also a word
        elif j > i and tok.orig.istitle() and tok.norm in _SURNAMES and tokens[j - 1].capital:
            j += 1  # "Noah Field", "Ann Price": a surname that is also a word
        elif j > i and tok.norm in _TRADES:
            j += 1  # "greenleaf landscaping", "kestrel analytics": a trade ends a business name
        elif j > i and _inside_business_name(msg, j):
            j += 1  # "Fixit Phone Repair Ltd": a capitalised word of a business name
        elif j > i and tok.norm.isdigit() and _before_a_suffix(tokens, j):
            j += 1  # "Studio 54 LLC": a number inside a business name
        elif tok.norm == "," and j > i and _suffix_pair(tokens, j):
            j += 2  # "Shenzhen Bright Electronics Co., Ltd.": one suffix of two parts
        elif tok.canon == "'s" and j > i and (end := _business_tail(msg, j)) > j:
            j = end  # "Wong's Noodle Bar"
        elif tok.norm == "and" and j > i and j + 1 < len(tokens) and _kin(tokens[j + 1]):
            j += 1  # "Hoffmann and Sons Bakery": one business, not two customers
        elif j > i and _capital_article(tokens, j):
            j += 1  # "Hôtel Les Tilleuls", "Pollos Los Hermanos": an article inside the name
        elif tok.norm in _CONNECT and j > i and j + 1 < len(tokens):
            after = tokens[j + 1]
            if tok.norm == "&" and is_name_word(after):
                j += 1  # "kim & sons": "&" joins names whatever their case
            elif not after.capital or not (is_name_word(after) or _particle_name(after)):
                break
            j += 1
        else:
            break
    return _name(msg, i, j)


def _lowercase_word_between(msg: Parsed, i: int, j: int) -> bool:
    """A common lowercase word (no connector) between capitalised words, in a message typed
    with capitals: it ends the name begun at i ("Daniel met Lukas Brenner")."""
    tokens = msg.tokens
    tok = tokens[j]
    if tok.capital or not tokens[i].capital or tok.norm in _INSIDE_NAMES:
        return False
    if j + 1 >= len(tokens) or not tokens[j + 1].capital or not tok.norm.isalpha():
        return False  # (the cheap checks first: `name_after` runs this for every word)
    return not msg.lowercase and zipf_frequency(tok.norm, "en") >= _COMMON_BETWEEN


_COMMON_BETWEEN = 3.5
_INSIDE_NAMES = _CONNECT | frozenset(
    {"and", "des", "du", "et", "und", "e", "the", "on", "upon", "at", "in", "by", "sur", "am", "an"}
    | {"los", "las", "les", "el", "il", "do", "das", "della", "delle", "dei", "ter", "ten", "op"}
)
"""Lowercase words that join the words of one name ("Hoffmann and Sons", "Café des Amis")."""


_NAME_ARTICLES = frozenset({"les", "los", "las", "la", "le", "el", "der", "die", "das", "il"})


def _capital_article(tokens: list[Token], j: int) -> bool:
    """A capitalised article between two capitalised words of a name ("Hôtel Les Tilleuls")."""
    tok = tokens[j]
    if tok.norm not in _NAME_ARTICLES or not tok.orig[:1].isupper() or j + 1 >= len(tokens):
        return False
    after = tokens[j + 1]
    return after.orig[:1].isupper() and is_name_word(after)


def _word_as_first_name(msg: Parsed, j: int) -> bool:
    """A capitalised cue word ("Bill", "Mark", "Chase") mid-sentence, right before a
    capitalised surname, opens a person's name."""
    tokens = msg.tokens
    tok = tokens[j]
    if j == 0 or msg.sentence_ends_before(j) or not tok.orig.istitle() or tok.norm in _STOP:
        return False
    if tok.is_placeholder and any(c.isdigit() for c in tok.orig):
        return False  # "for April 2026. Pasted lines:": a date ("for Jun Park" is a name)
    after = j + 1
    return after < len(tokens) and tokens[after].capital and is_name_word(tokens[after])


def _inside_business_name(msg: Parsed, j: int) -> bool:
    """A capitalised common word ("Phone") between capitalised name words, when a company
    suffix or a trade word ends the run: "Fixit Phone Repair Ltd" is one name."""
    tokens = msg.tokens
    if not (tokens[j].orig.istitle() and tokens[j].norm.isalpha() and len(tokens[j].norm) > 2):
        return False
    for k in range(j + 1, min(j + 4, len(tokens))):
        if msg.sentence_ends_before(k) or not (tokens[k].capital and is_name_word(tokens[k])):
            return False
        if tokens[k].norm in _ANY_SUFFIX or tokens[k].norm in _TRADES:
            return True
    return False


def _suffix_pair(tokens: list[Token], comma: int) -> bool:
    after = comma + 1
    return (
        after < len(tokens)
        and tokens[comma - 1].norm in _ANY_SUFFIX
        and tokens[after].norm in _ANY_SUFFIX
        and tokens[after].capital
    )


def name_before(msg: Parsed, j: int) -> Name | None:
    """The name ending just before tokens[j] (used for possessives: "Jane Doe's payments")."""
    tokens = msg.tokens
    i = j
    while i > 0 and j - i < _MAX_WORDS:
        if is_name_word(tokens[i - 1], first=i - 1 == 0):
            i -= 1
        elif i > 1 and i < j and tokens[i - 1].norm == "&" and is_name_word(tokens[i - 2]):
            i -= 1  # "Harbour & Pine's payments"
        elif i == j and i > 1 and tokens[i - 1].norm in _TRADES and is_name_word(tokens[i - 2]):
            i -= 1  # "kowalski plumbing office@…": a trade ends a business name
        else:
            break
    # A sentence-initial cue word is the verb, not part of the name ("Refund Jane's ...").
    while i < j and tokens[i].canon in LEXICON.canonical_words and tokens[i].norm not in _SUFFIX:
        i += 1
    if 0 < i < j and _word_as_first_name(msg, i - 1):
        i -= 1  # "refund Bill Okafor's last payment"
    return _name(msg, i, j)


_ACRONYM = 3


def _name(msg: Parsed, i: int, j: int) -> Name | None:
    if j <= i:
        return None
    labelled = i > 0 and msg.tokens[i - 1].norm in (":", "=")  # "Name: Dr. Klaus Becker"
    while j - i > 1 and msg.tokens[i].norm in _HONORIFICS and not labelled:
        i += 1  # "Mr. Tanaka" is found as "Tanaka": stored names rarely carry the title
    if j < len(msg.tokens) and msg.tokens[j].norm in _PLAN_NOUNS:
        return None  # "everyone on the pro plan": a plan, not a customer
    first = msg.tokens[i].orig
    plain = first.islower() or (j - i == 1 and first.isupper() and len(first) <= _ACRONYM)
    if j < len(msg.tokens) and msg.tokens[j].norm in _DOCUMENTS and plain:
        return None  # "need it for the cancellations report", "… for the AP ledger": what for
    if (
        i > 0
        and msg.tokens[i - 1].norm == "the"
        and any(t.norm in _PLACES and not t.capital for t in msg.tokens[j - 1 : j + 1])
    ):
        return None  # "a new customer for the Skipton branch": where, not who
    if _capital_the(msg, i - 1, j) and j - i > 1:
        i -= 1  # "Add The Old Mill Tea Rooms": a capital "The" mid-sentence is the name's
    if all(t.norm in _CONNECT or t.norm in _NAME_ARTICLES for t in msg.tokens[i:j]):
        return None  # "da de alta a la clienta …": a lone article or particle is no name
    text = msg.span_text(i, j).strip(" ,.-':")
    dotted = msg.text.find(text + ".")
    next_field = dotted >= 0 and _NEXT_FIELD.match(msg.text, dotted + len(text) + 1) is not None
    if (_INITIALS.search(text) or _ABBREVIATED.search(text)) and dotted >= 0 and not next_field:
        text += "."  # "Kowalski Sp. z o.o.", "Sato Trading Co.": the last dot is the name's
        # (not in a form: "Customer: Juniper & Co. Email: …" ends the field there)
    return Name(text, i, j) if text else None


_NEXT_FIELD = re.compile(r"\s+[A-Z][\w ]{0,20}:")


def _capital_the(msg: Parsed, k: int, j: int) -> bool:
    """A capital "The" before a name is the name's mid-sentence; opening a sentence, only before
    two capitalised words ("The Crown & Anchor want to pay now", not "The Nguyens owe us")."""
    tokens = msg.tokens
    if k < 0 or tokens[k].orig != "The":
        return False
    if k == 0 or msg.sentence_ends_before(k) or tokens[k - 1].norm in _SENTENCE_MARKS:
        return sum(t.capital for t in tokens[k + 1 : j]) >= _RUN_WORDS
    return tokens[k - 1].norm not in _OPENING_MARKS


def with_capital_the(msg: Parsed, name: str) -> str:
    """ "a customer for The Fox and Hounds": a name put together from its parts ("Fox" and
    " and Hounds") keeps the capital "The" before it, as `_name` keeps it for one span."""
    at = msg.text.find(name)
    i = next((k for k, t in enumerate(msg.tokens) if t.start == at), None)
    if at < 0 or i is None:
        return name
    j = next((k for k, t in enumerate(msg.tokens) if t.start >= at + len(name)), len(msg.tokens))
    return msg.span_text(i - 1, j) if j - i > 1 and _capital_the(msg, i - 1, j) else name


_OPENING_MARKS = frozenset({".", "!", "?", "\n", '"', "'", "“", "(", "-", "—", "–"})
_SENTENCE_MARKS = frozenset({".", "!", "?", "\n"})


_INITIALS = re.compile(r"(?<![\w.])(?:\w\.){1,3}\w$")
"""A name ending in dotted initials ("o.o", "K.K", "S.A"), whose final dot was cut."""
_ABBREVIATED = re.compile(r"\s(?:Co|Ltd|Inc|Corp|Bros|Jr|Sr|Pty|Pvt|Mfg)$")
"""A company or family name ending in an abbreviation ("O'Connor & Sons Ltd.")."""


def possessive_name(msg: Parsed) -> Name | None:
    """ "Jane Doe's payments" -> Jane Doe (the first possessive with a name before it);
    "Joe's Pizza's payments" and "charge Jane's Bakery" -> the business, "'s" and all."""
    for j, tok in enumerate(msg.tokens):
        if tok.canon == "'s" and j + 1 < len(msg.tokens) and msg.tokens[j + 1].norm in ARTICLES:
            continue  # "(Dublin's the only branch on euro)": "is", not whose
        if tok.canon == "'s" and j + 1 < len(msg.tokens) and msg.tokens[j + 1].norm in _NOT_OWNED:
            continue  # "sorry, typo on Ola's side": a colleague's slip, nobody's payments
        if tok.canon == "'s":
            found = name_before(msg, j)
            common = found and found.start > 0 and msg.tokens[found.start - 1].norm in _DETERMINERS
            if found and common and not msg.tokens[found.start].capital:
                continue  # "my new student's mom": a relation, no name
            if found:
                k = _business_tail(msg, j)
                return _name(msg, found.start, k) or found if k > j else found
    return None


def _business_tail(msg: Parsed, j: int) -> int:
    """After the "'s" at j, the end of capitalised name words that carry a business name on
    ("Wong's Noodle Bar"): j when there are none."""
    tokens, k = msg.tokens, j + 1
    while k < len(tokens) and k - j <= _MAX_WORDS and _business_word(tokens[k]):
        k += 1
    return k if k > j + 1 else j


def _business_word(tok: Token) -> bool:
    named = is_name_word(tok) and tok.canon not in LEXICON.canonical_words
    return tok.capital and (named or tok.norm in _TRADES)  # "Mike's Auto Repair"


_BEFORE_NAME = frozenset(
    {":", "-", "=", ",", "the", "a", "an", "is", "like", "of", "uh", "um", "erm"}
)
"""Words between an introducer and the name: "name: X", "named like uh X", "the name of X"."""


def name_after_any(msg: Parsed, words: frozenset[str], start: int = 0) -> Name | None:
    """The first name right after one of `words` (canonical or typed), skipping 'the'/':'."""
    tokens = msg.tokens
    for i in range(start, len(tokens)):
        if tokens[i].canon in words or tokens[i].norm in words:
            if tokens[i].norm == "to" and i > 0 and tokens[i - 1].norm in _INFINITIVE_LEADS:
                continue  # "trying to track down the co-pays": a verb follows, no name
            k = i + 1
            if tokens[i].norm in _ARTICLE_ONLY and (
                k == len(tokens) or tokens[k].norm not in ARTICLES
            ):
                continue  # "is there a Tomasz Wójcik…", not "spelled differently in there -- Rita"
            while k < len(tokens) and tokens[k].norm in _BEFORE_NAME:
                k += 1
            found = name_after(msg, k) if k < len(tokens) else None
            capitals_only = tokens[i].norm in _CAPITALS_ONLY or tokens[i].canon in _CAPITALS_ONLY
            if found and capitals_only and not tokens[k].orig[:1].isupper():
                continue  # "pagos de más de 500": a foreign "de" leads only a Capitalised name
            if found and (tokens[k].capital or tokens[k - 1].norm not in ARTICLES):
                return found  # "from the bakery": after an article only a Capitalised name
    return None


ARTICLES = frozenset({"the", "a", "an"})
_CAPITALS_ONLY = frozenset(str(w) for w in _S["introducers_before_capitals"])
_ARTICLE_ONLY = frozenset(str(w) for w in _S["introducers_before_articles"])
_INFINITIVE_LEADS = frozenset(str(w) for w in _S["infinitive_leads"])
_NOT_OWNED = frozenset(str(w) for w in _S["possessive_not_owning"])
_DETERMINERS = ARTICLES | frozenset({"my", "our", "your", "his", "her", "their", "new"})


_LOCAL_SPLIT = re.compile(r"[._\-+0-9]+")


def email_words(address: str, domain: bool = False) -> set[str]:
    """The words an address spells: its local part's ("dave.k@…": dave, k) and, with
    `domain`, its domain's name (a company's domain spells the company)."""
    user, _, host = address.partition("@")
    spelled = f"{user}.{host.rsplit('.', 1)[0]}" if domain else user
    return set(_LOCAL_SPLIT.split(_plain(spelled))) - {""}


def _plain(word: str) -> str:
    """Lowercase without accents: "Tomás" is spelt "tomas" in an email."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def capitalised_run(msg: Parsed) -> Name | None:
    """The first run of two or more capitalised name words after the opening word: "our new
    partner Copperline Foods", "+1-202-555-0165, Nadia Petrova" (a new customer's name)."""
    for i, tok in enumerate(msg.tokens):
        if not tok.capital or not is_name_word(tok, first=i == 0):
            continue
        found = name_after(msg, i)
        if found is not None and _opening_gerund(msg, found):
            found = name_after(msg, i + 1)  # "Reconciling Wayne Enterprises against …"
        if found is not None:
            found = _capitalised_part(msg, found)  # "Dave Kowalski finally called": no adverb
        if found is not None and found.end - found.start >= _RUN_WORDS:
            return found
    return None


def _opening_gerund(msg: Parsed, found: Name) -> bool:
    """The message opens on a verb's -ing form before a name of two words or more: the verb
    ("Reconciling Wayne Enterprises…", "Onboarding Kai Mercer today"), not the name's."""
    first = msg.tokens[found.start]
    return (
        found.start == 0
        and found.end - found.start >= _RUN_WORDS + 1
        and first.norm.endswith("ing")
        and inflected(first.norm)
    )


def _capitalised_part(msg: Parsed, found: Name) -> Name | None:
    """The name up to its last capitalised word (connectors inside are kept: "Bank of X")."""
    end = found.start
    for k in range(found.start, found.end):
        if msg.tokens[k].capital:
            end = k + 1
    return _name(msg, found.start, end)


_RUN_WORDS = 2
_BEFORE_EMAIL = frozenset({",", "(", "-", "–", "—", ":"})
"""What may stand between a name and its email: "dave, dave.k@…", "Declan - declan.k@…"."""


def name_spelled_by_email(msg: Parsed) -> Name | None:
    """ "my new regular dave, dave.k@icloud.com": the words right before an email, from the
    first one its local part or domain spells ("dave", "kowalski") on; None when the email
    names none of them."""
    for j, tok in enumerate(msg.tokens):
        if tok.canon != "<email>":
            continue
        k = j - 1 if j > 0 and msg.tokens[j - 1].norm in _BEFORE_EMAIL else j
        found = name_before(msg, k)
        if found is None:
            continue
        words = msg.tokens[found.start : found.end]
        local = email_words(tok.orig)
        first = next((i for i, t in enumerate(words) if _plain(t.norm) in local), None)
        if first is not None:
            return _name(msg, found.start + first, found.end)
        spelled = email_words(tok.orig, domain=True)  # "kowalski plumbing office@kowalski.pl"
        by_domain = any(_plain(t.norm) in spelled for t in words)
        return _name(msg, found.start, found.end) if by_domain else None
    return None
