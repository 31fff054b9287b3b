"""Which customer, payment or price the message points at, from its words or the context."""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.offline_router.entities import Span
from agent.offline_router.lexicon import DATA
from agent.offline_router.models import RouterContext
from agent.offline_router.names import (
    ARTICLES,
    Name,
    capitalised_run,
    is_name_word,
    name_after,
    name_after_any,
    name_before,
    possessive_name,
)
from agent.offline_router.slot_values import ORDINAL_WORDS, has_phrase, ordinal
from agent.offline_router.tokens import Parsed

_S = DATA.slots
_PRONOUNS = [tuple(str(p).split()) for p in _S["customer_pronouns"]]
_NOT_PRONOUNS = [tuple(str(p).split()) for p in _S["not_customer_pronouns"]]
_PAYMENT_PRONOUNS = [tuple(str(p).split()) for p in _S["payment_pronouns"]]
_LATEST_PAYMENT = [tuple(str(p).split()) for p in _S["latest_payment_phrases"]]
_INTRODUCERS = frozenset(str(w) for w in _S["customer_introducers"] if " " not in str(w))
_PLAN_WORDS = frozenset(str(w) for w in _S["plan_words"])
_PLAN_WEAK = frozenset(str(w) for w in _S["plan_words_weak"])
_PLAN_STOP = frozenset(str(w) for w in _S["plan_stop"])
_PLAN_KEEP = frozenset(str(w) for w in _S["plan_keep"]) | frozenset(_S["plan_names"])
_INTERVALS: dict[str, str] = {str(k): str(v) for k, v in _S["plan_intervals"].items()}
_INTERVAL_VALUES = frozenset(_INTERVALS.values())
_PLAN_NAMES = frozenset(str(w) for w in _S["plan_names"])


@dataclass
class CustomerRef:
    """A customer reference; `unresolved` when the user said "her" and the context has none."""

    value: str | None = None
    count: int = 0
    unresolved: bool = False


def customer(
    msg: Parsed,
    ctx: RouterContext,
    verbs: frozenset[str] = frozenset(),
    introducers: frozenset[str] = _INTRODUCERS,
) -> CustomerRef:
    """ids and emails first, then names (possessive, after a verb, after "for/from/customer"),
    then pronouns resolved from the context."""
    said = msg.ents.of("cus") + msg.ents.of("email")
    ids = kept_ids(msg.text, said)
    if said and not ids:
        return CustomerRef(unresolved=True)  # "charge $30, not to cus_X — to the other one"
    if ids:
        return CustomerRef(value=str(ids[0].value),
                           count=len({str(s.value).lower() for s in ids}))  # fmt: skip
    quoted = _quoted_customer(msg, verbs | introducers)
    if quoted:
        return CustomerRef(value=quoted, count=1)
    found = _owner_or_object(msg, verbs) or _introduced(msg, introducers) or _subject(msg)
    if found:
        return CustomerRef(value=found.text, count=1)
    if names_someone(msg):
        return CustomerRef(unresolved=True)  # "pull up payments for a customer": which one?
    if (relative := _RELATIVE_NAMED.search(msg.text)) is not None:
        return CustomerRef(value=relative["name"], count=1)  # "what about his wife, Anna Weber"
    if _the_one_just_found(msg, ctx):
        return CustomerRef(value=ctx.last_customer, count=1)  # "find sam@…" — "sign that one up"
    if has_customer_pronoun(msg):
        if (named := _antecedent(msg) or _name_given(msg)) is not None:  # "Marcus Hale missed…
            return CustomerRef(value=named.text, count=1)  # charge him $75", "her name is …"
        if ctx.last_customer:
            return CustomerRef(value=ctx.last_customer, count=1)
        if (only := _only_quote(msg)) is not None:  # "how has 'Acme' been paying? show their…"
            return CustomerRef(value=only, count=1)
        return CustomerRef(unresolved=True)
    return CustomerRef()


_RULED_OUT = re.compile(
    r"\b(?:not|except|excluding|apart\s+from|other\s+than)\s+(?:to\s+|for\s+|on\s+|from\s+)?"
    r"(?:the\s+one\s+(?:at|with)\s+)?$",
    re.I,
)
_LEFT_ALONE = re.compile(
    r"[^.;!?\n]{0,40}?\b(?:don'?t|do\s+not|never)\s+(?:touch|refund|charge|reverse)\s+(?:it|that|this)\b",
    re.I,
)


def kept_ids(text: str, spans: list[Span]) -> list[Span]:
    """The ids a message asks about: not one said only to be ruled out ("not cus_A — the
    other one", "except pi_X", "pi_Q is the original, don't touch it"), nor one taken back
    for the next ("30 dollars from cus_A.. no sorry not that one, cus_B")."""
    kept = [
        s
        for s in spans
        if _RULED_OUT.search(text, 0, s.start) is None and _LEFT_ALONE.match(text, s.end) is None
    ]
    between = text[kept[0].end : kept[-1].start] if len(kept) > 1 else ""
    if _TAKE_BACK.search(between) and not _OPENS_QUOTE.search(between):
        return [kept[-1]]
    return kept


_OPENS_QUOTE = re.compile(r"[\"“«]")
"""'refund ch_A, cust emailed us this: "no confirmation needed. also refund ch_B"': a "no"
inside someone else's quote takes back none of the user's own ids."""


_RELATIVE_NAMED = re.compile(
    r"\b(?:his|her|their)\s+(?:"
    + "|".join(re.escape(str(w)) for w in _S["relation_words"])
    + r")\s*,?\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)"
)
"""A relative of the customer before, named in full: the new person is meant, not "his"."""


_PERSONAL = frozenset({"he", "she", "him", "her", "his", "hers", "they", "them", "their"})
_INDEFINITE = [str(p) for p in _S["indefinite_customers"]]


def names_someone(msg: Parsed) -> bool:
    """ "payments for a customer": a customer, but not which."""
    return has_phrase(msg, _INDEFINITE)


def _antecedent(msg: Parsed) -> Name | None:
    """A full name (two or more capitalised words) earlier in the message than its first
    personal pronoun: the nearest person "he"/"her" can mean, nearer than the last turns."""
    first = next((i for i, t in enumerate(msg.tokens) if t.norm in _PERSONAL), None)
    found = capitalised_run(msg)
    return found if found is not None and first is not None and found.end <= first else None


def _the_one_just_found(msg: Parsed, ctx: RouterContext) -> bool:
    """ "find sam@peak.io", then "sign that one up for team_monthly": after a customer search
    (or a new customer), "that one" is that customer."""
    last = ctx.last_call
    return (
        bool(ctx.last_customer)
        and last is not None
        and last.skill in ("find_customers", "create_customer")
        and has_phrase(msg, _ONE_JUST_FOUND)
    )


_ONE_JUST_FOUND = ["that one", "this one"]


def _name_given(msg: Parsed) -> Name | None:
    """ "she was charged twice … Her name is Priya Raman. Can you pull up her payments?": the
    name the message gives the person its pronouns mean, wherever it stands."""
    toks = msg.tokens
    for i in range(len(toks) - 3):
        said = toks[i].norm in _PERSONAL and toks[i + 1].norm == "name"
        if said and toks[i + 2].norm in ("is", ":", "'s"):
            return name_after(msg, i + 3)
    return None


_AFTER_VERB_SKIP = frozenset(
    {"me", "us", "the", "a", "an", "just", "only", "company", "business", "firm", "organisation"}
    | {"-", "–", "—"}  # "Invoice—well, just charge—Bloom Yoga Collective $1800"
    | frozenset(str(w) for w in _S["company_nouns_translated"])  # "Obciąż firmę Nowak …"
)
_SUBJECT_VERBS = frozenset(str(w) for w in _S["customer_subject_verbs"])


_NUMBER_WORDS = frozenset(str(w) for w in DATA.slots["number_words"])


def _introduced(msg: Parsed, introducers: frozenset[str]) -> Name | None:
    """The first name after an introducer that heads no paste: "Slack from Dev at Northwind:"
    says who sent what follows, not whom the request is about."""
    start = 0
    while (found := name_after_any(msg, introducers, start)) is not None:
        at = msg.tokens[found.start].start
        line = msg.text[msg.text.rfind("\n", 0, at) + 1 :].split("\n", 1)[0]
        if not _PASTE_HEADING.search(line):
            return found
        start = found.end
    return None


_PASTE_HEADING = re.compile(r"^[^:]*\bfrom\b[^:]*:\s*$", re.I)


def _subject(msg: Parsed) -> Name | None:
    """ "Bluebird Bakery wants 5 seats on team_annual": the name that opens a sentence ("Quick
    one. Bluebird Bakery wants…", "Ticket 5120: Lakeside Yoga Studio want…"), when a verb of
    wanting or agreeing follows it."""
    after_colon = [i + 1 for i, t in enumerate(msg.tokens[:-1]) if t.norm in (":", "-", "–", "—")]
    for start in [0, *msg.sentence_starts(), *after_colon] if msg.tokens else []:
        while start + 1 < len(msg.tokens) and msg.tokens[start].norm in _OPENERS:
            start += 1  # "ok so ByteRiver GmbH wants the growth_monthly plan"
        if msg.tokens[start].norm in _MODALS and start + 1 < len(msg.tokens):
            start += 1  # "could Kestrel Analytics be subscribed to team_annual…?"
        found = name_after(msg, start) if msg.tokens[start].capital else None
        if found is None and msg.tokens[start].orig == "The" and start + 1 < len(msg.tokens):
            if (role := _role_named(msg, start + 1)) is not None:
                return role  # "The owner is Samuel Achterberg and his email is …"
            if msg.tokens[start + 1].capital:
                found = name_after(msg, start + 1)  # "The Crown & Anchor wants…" (names.py
                # keeps the "The" of a name of two capitalised words)
        follows = found is not None and found.end < len(msg.tokens)
        verb = found.end if found is not None else 0
        if follows and msg.tokens[verb].norm in _ACCOUNT_NOUNS and verb + 1 < len(msg.tokens):
            verb += 1  # "The Okonkwo & Sons Ltd account should go on basic_yearly": "the
            if found is not None and found.text.startswith("The "):  # … account", not a name's
                found = Name(found.text[4:], found.start + 1, found.end)
        if found is not None and staff_member(msg.text, found.text):
            continue  # "Our rep Daniel met … Daniel asked that …": staff, not the customer
        if found is not None and found.text.lower() in _NUMBER_WORDS:
            continue  # "… du 14/10 au 20/10. Five is enough.": a count, no one's name
        if found is not None and follows and msg.tokens[verb].norm in _SUBJECT_VERBS:
            return found
        labelled = follows and found is not None and msg.tokens[found.end].norm in _LABEL_MARKS
        if found is not None and labelled and _titled(found):
            return found  # "Harbour & Pine: team_monthly x 6 seats", "Olive & Ash - charge…"
        if found is not None and _titled(found) and _onto_price(msg, found.end):
            return found  # "Orchard Lane Dental -> payroll_monthly" (the arrow reads "to")
    return None


_ROLES = "|".join(re.escape(str(w)) for w in _S["staff_roles"])
_TEAMS = "|".join(re.escape(str(w)) for w in _S["staff_teams"])


def staff_member(text: str, name: str) -> bool:
    """The message names `name` as the merchant's own staff: after a role ("our rep Daniel",
    "my colleague Tom") or before a team ("Bea from sales")."""
    n = re.escape(name)
    role = rf"\b(?:{_ROLES})\s*,?\s+{n}\b"
    team = rf"\b{n}\s+(?:from|in|on)\s+(?:the\s+)?(?:{_TEAMS})\b"
    return re.search(f"{role}|{team}", text, re.I) is not None


_ROLE_NOUNS = frozenset(
    {"owner", "contact", "customer", "client", "buyer", "account", "holder", "person", "member"}
)


def _role_named(msg: Parsed, i: int) -> Name | None:
    """ "The owner is Samuel Achterberg": a role, "is", then the person's capitalised name."""
    toks = msg.tokens
    if i + 2 >= len(toks) or toks[i].norm not in _ROLE_NOUNS or toks[i + 1].norm != "is":
        return None
    return name_after(msg, i + 2) if toks[i + 2].capital else None


_LABEL_MARKS = frozenset({":", "-", "–", "—"})
_OPENERS = frozenset({"ok", "okay", "so", "right", "alright", "well", "anyway", "now", "and"})
_ACCOUNT_NOUNS = frozenset({"account", "acct", "team", "office"})
_MODALS = frozenset({"could", "can", "should", "would", "will", "shall"})
_ONTO = frozenset({"to", "on", "onto"})
_PRICES = frozenset({"<key>", "<price>"})


def _onto_price(msg: Parsed, end: int) -> bool:
    """Whether "to"/"on" and a price key or id follow a name: a subscription's shape."""
    toks = msg.tokens
    return end + 1 < len(toks) and toks[end].norm in _ONTO and toks[end + 1].canon in _PRICES


_SPOKEN_WORDS = 4


def _spoken(quote: str) -> bool:
    """'along the lines of "my payment is stuck"': words someone said, not a customer's name
    (names are capitalised: "Yes I Confirm" the band stays a name)."""
    return len(quote.split()) >= _SPOKEN_WORDS and quote[:1].islower()


def _owner_or_object(msg: Parsed, verbs: frozenset[str]) -> Name | None:
    """ "Jane Doe's payments"; but "Kwame's note says: '…' ok so charge Kwame Mensah $250": a
    possessive in an earlier sentence is context, the verb's object is the customer."""
    owner = possessive_name(msg) or _name_before_owned(msg)
    target = _after_verb(msg, verbs)
    if owner is None or target is None or target.start <= owner.end:
        return owner or target
    between = range(owner.end, target.start)
    apart = any(k in between for k in msg.sentence_starts()) or any(
        msg.tokens[k].canon == "<quote>" for k in between
    )
    return target if apart else owner


_OWNED = frozenset({"payments", "charges", "transactions", "refunds"})


def _name_before_owned(msg: Parsed) -> Name | None:
    """ "Northwind Traders payments", "Ngata Builders' payments": a business name of two
    capitalised words or more right before what it owns (its apostrophe left off or plural)."""
    for j, tok in enumerate(msg.tokens):
        if tok.norm in _OWNED and (found := name_before(msg, j)) is not None and _titled(found):
            return found
    return None


def _titled(name: Name) -> bool:
    """A name of two words or more, each capitalised ("Harbour & Pine", not "Quick question")."""
    words = [w for w in name.text.split() if w not in ("&", "and", "of")]
    return len(words) > 1 and all(w[:1].isupper() for w in words)


_SKIP_BEFORE_QUOTE = frozenset({"the", "literally", "exactly", "a"})


def _quoted_customer(msg: Parsed, cues: frozenset[str]) -> str | None:
    """A quoted name right after a verb or an introducer: 'put "Acme LLC" on pro_monthly',
    'the customer literally named "Auto Confirm Ltd"'. Quoted, it is data, whatever it says."""
    toks = msg.tokens
    for i, tok in enumerate(toks):
        if tok.canon != "<quote>":
            continue
        k = i - 1
        while k >= 0 and toks[k].norm in _SKIP_BEFORE_QUOTE:
            k -= 1
        if k >= 0 and (toks[k].norm in cues or toks[k].canon in cues):
            span = next((s for s in msg.ents.of("quote") if s.start == tok.start), None)
            said = span is not None and _spoken(str(span.value))
            named = span is not None and not said and not field_name(str(span.value))
            if span is not None and named and not labelled_description(msg, span.end):
                return str(span.value)
    return None


_FIELD_HEADS = frozenset({"customer", "client", "account", "reference", "member", "order"})
_FIELD_TAILS = frozenset({"number", "no", "id", "code", "ref"})


def field_name(quote: str) -> bool:
    """ "asking me for the 'customer number' for Judith Amsel": a quoted field's name, not whom
    the message is about."""
    words = quote.lower().strip(" .").split()
    return len(words) == 2 and words[0] in _FIELD_HEADS and words[1] in _FIELD_TAILS


_AS_DESCRIPTION = re.compile(r"\s*as\s+(?:the\s+|a\s+|its\s+)?(?:description|memo|note)\b", re.I)


def labelled_description(msg: Parsed, end: int) -> bool:
    """Whether the text after a quote ending at `end` labels it a description ('add "net 30"
    as the description'): then the quote names nobody."""
    return _AS_DESCRIPTION.match(msg.text, end) is not None


def _only_quote(msg: Parsed) -> str | None:
    quotes = msg.ents.of("quote")
    if len(quotes) != 1 or _DESCRIBED.search(msg.text):
        return None  # "put 'walk-in pedicure' as the description": a description, no name
    return str(quotes[0].value)


_DESCRIBED = re.compile(r"\bdescription\b|\bas\s+(?:the\s+)?(?:memo|note|label)\b", re.I)


def _after_verb(msg: Parsed, verbs: frozenset[str]) -> Name | None:
    if not verbs:
        return None
    for i, tok in enumerate(msg.tokens):
        if (tok.canon in verbs or tok.norm in verbs) and not _inside_a_name(msg, i):
            k = i + 1
            while k < len(msg.tokens) and msg.tokens[k].norm in _AFTER_VERB_SKIP:
                k += 1  # "find me jane", "charge the Brightline Dental account"
            found = name_after(msg, k) if k < len(msg.tokens) else None
            described = tok.norm in _COPULAS and msg.tokens[k - 1].norm in ARTICLES
            if found and not (described and not msg.tokens[k].capital):
                return found  # (but "he's the architect I did the renders for" names no one)
    return None


_COPULAS = frozenset({"is", "was", "are"})


def _inside_a_name(msg: Parsed, i: int) -> bool:
    """ "the account for Harbour View Cafe": a capitalised cue word after a capitalised name
    word, mid-sentence, is part of the name, not a verb."""
    if i == 0 or not msg.tokens[i].capital or msg.sentence_ends_before(i):
        return False
    before = msg.tokens[i - 1]
    return before.capital and is_name_word(before)


def has_customer_pronoun(msg: Parsed) -> bool:
    """A customer pronoun ("her", "the same customer") outside phrases where it points at no
    customer ("the same for eur", "20 of them")."""
    return bool(customer_pronoun_starts(msg))


def customer_pronoun_starts(msg: Parsed) -> list[int]:
    """Where each customer pronoun of `has_customer_pronoun` starts (token index)."""
    seq = [t.canon if t.canon == "<num>" else t.norm for t in msg.tokens]
    covered = _covered(seq)
    return [
        i
        for p in _PRONOUNS
        for i in range(len(seq) - len(p) + 1)
        if tuple(seq[i : i + len(p)]) == p and not covered & set(range(i, i + len(p)))
    ]


def _covered(seq: list[str]) -> set[int]:
    return {
        k
        for phrase in _NOT_PRONOUNS
        for i in range(len(seq) - len(phrase) + 1)
        if tuple(seq[i : i + len(phrase)]) == phrase
        for k in range(i, i + len(phrase))
    }


def _has_any(msg: Parsed, phrases: list[tuple[str, ...]]) -> bool:
    norm = msg.norm
    for phrase in phrases:
        size = len(phrase)
        if any(tuple(norm[i : i + size]) == phrase for i in range(len(norm) - size + 1)):
            return True
    return False


def payment(msg: Parsed, ctx: RouterContext) -> tuple[str | None, int]:
    """(payment id, how many ids the message names); "it"/"the second one" use the context."""
    said = msg.ents.of("pi")
    ids = kept_ids(msg.text, said)
    if said and not ids:
        return None, 0  # "refund every charge from last week except pi_X": not that one
    index = ordinal(msg)
    distinct = list(dict.fromkeys(str(s.value) for s in ids))
    if len(distinct) > 1 and index is not None and index < len(distinct):
        after = all(tok.start > ids[-1].end for tok in msg.tokens if tok.norm in ORDINAL_WORDS)
        if after:  # "charged twice - pi_A and pi_B. refund the second one": the one chosen
            return distinct[index], 1
    if len(distinct) > 1 and (priced := _id_by_its_amount(msg, ids)) is not None:
        return priced, 1  # "#W-1  pi_A  $129.00 / #W-2  pi_B  $42.00 … refund the $129 one"
    if ids:  # the same id typed twice is still one payment
        return distinct[0], len(distinct)
    if index is not None and index < len(ctx.last_payments):
        return ctx.last_payments[index], 0
    if _has_any(msg, _PAYMENT_PRONOUNS):
        chosen = ctx.last_payment or (ctx.last_payments[0] if ctx.last_payments else None)
        return chosen or _payment_of_last_call(ctx), 0
    return None, 0


_THE_PRICED_ONE = re.compile(
    r"\bthe\s+(?P<a>[$€£¥]\s?\d[\d,.]*|\d[\d,.]*\s?(?:[$€£¥]|[A-Z]{3}\b))\s+"
    r"(?:one|charge|payment|order)\b|\bthe\s+(?:one|charge|payment|order)\s+(?:for|of|at)\s+",
    re.I,
)


def picking_amount(msg: Parsed) -> Span | None:
    """The amount a request picks a payment by ("refund the $129 one in full"): which one,
    not how much."""
    picked = _THE_PRICED_ONE.search(msg.text)
    if picked is None:
        return None
    spans = msg.ents.of("money")
    return next((m for m in spans if picked.start() <= m.start <= picked.end() + 1), None)


def _id_by_its_amount(msg: Parsed, ids: list[Span]) -> str | None:
    """The one id on the line of the amount the request picks it by ("the $129 one")."""
    asked = picking_amount(msg)
    if asked is None:
        return None

    def line(at: int) -> int:
        return msg.text.count("\n", 0, at)

    same = [
        m for m in msg.ents.of("money") if m is not asked and m.value.amount == asked.value.amount
    ]
    found = {str(s.value) for s in ids if line(s.start) in {line(m.start) for m in same}}
    return found.pop() if len(found) == 1 else None


def latest_payment_owner(msg: Parsed, ctx: RouterContext) -> str | None:
    """Whose latest payment "refund her last payment" / "Jane's most recent charge" means:
    the customer reference, when the message names one (or a pronoun the context resolves)."""
    if not _has_any(msg, _LATEST_PAYMENT):
        return None
    ref = customer(msg, ctx)
    return ref.value if ref.value and not ref.unresolved else None


def _payment_of_last_call(ctx: RouterContext) -> str | None:
    """ "refund all of it" while "refund $50 of pi_X" waits: it is pi_X."""
    call = ctx.pending_action or ctx.last_call
    value = call.args.get("payment") if call is not None else None
    return value if isinstance(value, str) else None


def price(msg: Parsed) -> str | None:
    """A price_ id, a lookup key, or a plan name with its interval: "pro monthly" and "the pro
    plan, monthly" -> pro_monthly, "basic annual" -> basic_yearly. A plan name without an
    interval ("the pro plan") is ambiguous (monthly or yearly?): None, so the router asks."""
    for kind in ("price", "key", "plan"):
        spans = msg.ents.of(kind)
        kept = [s for s in spans if _RULED_OUT.search(msg.text, 0, s.start) is None]
        if spans:  # "not pro_monthly, something cheaper": which one, then? (asked)
            return str(taken_back_for(msg.text, kept).value) if kept else None
    name = _plan_name(msg, _PLAN_WORDS) or _plan_name(msg, _PLAN_WEAK) or _bare_plan(msg)
    if name is None or set(name.split("_")) <= _INTERVAL_VALUES:  # "the yearly plan": which?
        return None
    interval = None if _both_intervals(msg) else _interval(msg)
    if interval is None or name.endswith(interval):
        return name if interval else None
    return f"{name}_{interval}"


def _both_intervals(msg: Parsed) -> bool:
    """ "the Pro plan, monthly or yearly I don't know": a choice left open, asked about."""
    toks = msg.tokens
    return any(
        toks[i].norm in _INTERVALS
        and toks[i + 1].norm == "or"
        and toks[i + 2].norm in _INTERVALS
        and _INTERVALS[toks[i].norm] != _INTERVALS[toks[i + 2].norm]
        for i in range(len(toks) - 2)
    )


_TAKE_BACK = re.compile(
    r"\b(?:no|not|actually|sorry|i\s+mean|i\s+meant|rather|instead|scratch\s+that)\b", re.I
)


def taken_back_for(text: str, spans: list[Span]) -> Span:
    """ "subscribe cus_X to price_A — no, not gold, price_B": the last of two values, when
    the words between them take the first back."""
    first, last = spans[0], spans[-1]
    if last is first or _RULED_OUT_NEXT.search(text[first.end : last.start]):
        return first  # "to team_yearly, not team_monthly": the second is the one ruled out
    return last if _TAKE_BACK.search(text, first.end, last.start) else first


_RULED_OUT_NEXT = re.compile(r"\b(?:not|instead\s+of|rather\s+than)\s*[(\"'“]?\s*$", re.I)


def changed_price(msg: Parsed, current: str) -> str | None:
    """A plan name or an interval said alone, against the price awaiting confirmation: "the
    yearly one" turns pro_monthly into pro_yearly, "basic instead" into basic_monthly."""
    head, _, tail = current.rpartition("_")
    if not head or tail not in _INTERVAL_VALUES:
        return None
    interval = _interval(msg)
    name = _plan_word_in(msg)
    if interval is None and name is None:
        return None
    return f"{name or head}_{interval or tail}"


def plan_hint(msg: Parsed) -> str | None:
    """The half of a plan the user named: "to pro" -> "pro", "to monthly" -> "monthly"."""
    return _plan_word_in(msg) or _interval(msg)


def complete_price(msg: Parsed, hint: str) -> str | None:
    """The lookup key from this answer and the half named before ("pro" + "monthly")."""
    known_interval = hint if hint in _INTERVAL_VALUES else None
    name = _plan_word_in(msg) or (None if known_interval else hint)
    interval = _interval(msg) or known_interval
    return f"{name}_{interval}" if name and interval else None


def _plan_word_in(msg: Parsed) -> str | None:
    return next((t.norm for t in msg.tokens if t.norm in _PLAN_NAMES), None)


def _interval(msg: Parsed) -> str | None:
    return next((_INTERVALS[t.norm] for t in msg.tokens if t.norm in _INTERVALS), None)


def _plan_name(msg: Parsed, words: frozenset[str]) -> str | None:
    toks = msg.tokens
    for j, tok in enumerate(toks):
        if tok.norm not in words and tok.canon not in words:
            continue
        i = j
        while i > 0 and _plan_word(msg, i - 1):
            i -= 1
        if i < j:
            return "_".join(_INTERVALS.get(t.norm, t.norm) for t in toks[i:j])
        k = j + 1
        while k < len(toks) and toks[k].norm in (":", "called", "named", "-"):
            k += 1
        after = name_after(msg, k) if k < len(toks) else None
        if after:
            return "_".join(after.text.lower().split())
    return None


def _plan_word(msg: Parsed, i: int) -> bool:
    tok = msg.tokens[i]
    if tok.norm in _PLAN_STOP:
        return False
    return tok.norm in _PLAN_KEEP or tok.norm in _INTERVALS or is_name_word(tok, first=i == 0)


def _bare_plan(msg: Parsed) -> str | None:
    """ "put jane on pro monthly": words after on/to that are all known plan words, one of
    them more than an interval ("to monthly" names no plan)."""
    toks = msg.tokens
    for i, tok in enumerate(toks):
        if tok.norm in ("on", "to", "onto"):
            j = i + 1
            while j < len(toks) and toks[j].norm in _PLAN_KEEP:
                j += 1
            words = [t.norm for t in toks[i + 1 : j]]
            if (
                words
                and any(w not in _INTERVALS for w in words)
                and (j == len(toks) or toks[j].is_punct or toks[j].norm == "with")
            ):
                return "_".join(words)
    return None
