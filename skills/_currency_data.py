"""Currency tables behind `skills.money`: codes Stripe accepts, their minor units, and the
symbols and words people type for them.

Kept apart from the parsing code so the tables can be read (and extended) at a glance.
"""

from __future__ import annotations


def _codes(text: str) -> list[str]:
    return text.split()


ZERO_DECIMAL_CURRENCIES: frozenset[str] = frozenset(
    _codes("bif clp djf gnf jpy kmf krw mga pyg rwf ugx vnd vuv xaf xof xpf")
)

# Stripe takes these in thousandths (5.124 KWD -> 5124) and wants the last digit to be 0.
THREE_DECIMAL_CURRENCIES: frozenset[str] = frozenset(_codes("bhd jod kwd omr tnd"))

KNOWN_CURRENCIES: frozenset[str] = frozenset(
    _codes(
        """
        aed afn all amd ang aoa ars aud awg azn bam bbd bdt bgn bhd bif bmd bnd bob brl bsd bwp
        byn bzd cad cdf chf clp cny cop crc cve czk djf dkk dop dzd egp etb eur fjd fkp gbp gel
        gip gmd gnf gtq gyd hkd hnl htg huf idr ils inr isk jmd jod jpy kes kgs khr kmf krw kwd
        kyd kzt lak lbp lkr lrd lsl mad mdl mga mkd mmk mnt mop mur mvr mwk mxn myr mzn nad ngn
        nio nok npr nzd omr pab pen pgk php pkr pln pyg qar ron rsd rub rwf sar sbd scr sek sgd
        shp sle sos srd std szl thb tjs tnd top try ttd twd tzs uah ugx usd uyu uzs vnd vuv wst
        xaf xcd xof xpf yer zar zmw
        """
    )
)

# Codes that are also everyday English words: inside a sentence they count as a currency
# only when typed in capitals ("50 ALL" yes, "refund all 5" no).
WORD_LIKE_CODES: frozenset[str] = frozenset(
    _codes("all ars bam bob cop gel lak mad mop nad pen php shp sos std top try")
)

# Symbols as typed before or after a number. None = the account's default currency.
SYMBOLS: dict[str, str | None] = {
    "us$": "usd",
    "ca$": "cad",
    "c$": "cad",
    "au$": "aud",
    "a$": "aud",
    "nz$": "nzd",
    "hk$": "hkd",
    "s$": "sgd",
    "mx$": "mxn",
    "r$": "brl",
    "rs.": "inr",
    "rs": "inr",
    "$": None,
    "€": "eur",
    "£": "gbp",
    "¥": "jpy",
    "₹": "inr",
    "₩": "krw",
    "₺": "try",
    "₪": "ils",
    "₱": "php",
    "₫": "vnd",
    "đ": "vnd",  # "1.500.000 đ": the đồng's letter, as Vietnamese merchants type it
    "฿": "thb",
    "₴": "uah",
    "₦": "ngn",
    "gh₵": "ghs",
    "ghc": "ghs",
    "₵": "ghs",
    "kshs": "kes",
    "ksh": "kes",
    "zł": "pln",
    "tl": "try",  # "500 TL": the Turkish lira as Turkish merchants write it
    "rp": "idr",  # "Rp 150.000": the rupiah
    "円": "jpy",  # "5,000円"
    "원": "krw",  # "50,000원"
}

CAPITAL_R_SYMBOL = "zar"
"""'R300', 'R1 499,99': the South African rand's sign, read only as a capital R right before
the number (a lowercase r, or an R inside a word, is a letter)."""

# Currency words as typed after a number. "cents" is handled apart (it scales the number).
# Ambiguous words (kr, pesos, crowns, won, real) are left out on purpose.
WORDS: dict[str, str] = {
    "dollar": "usd",
    "dollars": "usd",
    "buck": "usd",
    "bucks": "usd",
    "us dollars": "usd",
    "american dollars": "usd",
    "euro": "eur",
    "euros": "eur",
    "pound": "gbp",
    "pounds": "gbp",
    "pounds sterling": "gbp",
    "sterling": "gbp",
    "british pounds": "gbp",
    "quid": "gbp",
    "yen": "jpy",
    "japanese yen": "jpy",
    "canadian dollar": "cad",
    "canadian dollars": "cad",
    "australian dollar": "aud",
    "australian dollars": "aud",
    "aussie dollars": "aud",
    "new zealand dollars": "nzd",
    "hong kong dollars": "hkd",
    "singapore dollars": "sgd",
    "franc": "chf",
    "francs": "chf",
    "swiss franc": "chf",
    "swiss francs": "chf",
    "rupee": "inr",
    "rupees": "inr",
    "indian rupees": "inr",
    "yuan": "cny",
    "renminbi": "cny",
    "rmb": "cny",
    "mexican pesos": "mxn",
    "pesos mexicanos": "mxn",
    "pesos chilenos": "clp",
    "pesos colombianos": "cop",
    "pesos argentinos": "ars",
    "brazilian reais": "brl",
    "reais": "brl",
    "zloty": "pln",
    "złoty": "pln",
    "złotych": "pln",
    "zlotys": "pln",
    "rand": "zar",
    "rands": "zar",
    "south african rand": "zar",
    "nz dollars": "nzd",
    "nz dollar": "nzd",
    "kiwi dollars": "nzd",
    "aussie dollar": "aud",
    "ghana cedis": "ghs",
    "swedish kronor": "sek",
    "swedish krona": "sek",
    "norwegian kroner": "nok",
    "norwegian krone": "nok",
    "danish kroner": "dkk",
    "danish krone": "dkk",
    "korean won": "krw",
    "naira": "ngn",
    "cedi": "ghs",
    "cedis": "ghs",
    "kenyan shillings": "kes",
    "ksh": "kes",
    "kshs": "kes",
    "ringgit": "myr",
    "baht": "thb",
    "rupiah": "idr",
    "dong": "vnd",
    "đồng": "vnd",
    "lira": "try",
    "liras": "try",
    "turkish lira": "try",
    "philippine pesos": "php",
    "philippine peso": "php",
    "forint": "huf",
    "koruna": "czk",
    "czech crowns": "czk",
    "shekel": "ils",
    "shekels": "ils",
    "hryvnia": "uah",
    "hryvnias": "uah",
    "saudi riyals": "sar",
    "uae dirhams": "aed",
    "emirati dirhams": "aed",
    "pakistani rupees": "pkr",
    "egyptian pounds": "egp",
    "soles": "pen",
}

# Currency words that name several currencies: after a number they make the amount a
# question ("500 kr": SEK, NOK or DKK?), never a guess.
AMBIGUOUS_AFTER_NUMBER: dict[str, tuple[str, ...]] = {
    "kr": ("sek", "nok", "dkk"),
    "kroner": ("nok", "dkk"),
    "krone": ("nok", "dkk"),
    "kronor": ("sek", "isk"),
    "krona": ("sek", "isk"),
    "crowns": ("sek", "nok", "dkk", "czk"),
    "pesos": ("mxn", "clp", "cop", "ars"),
    "peso": ("mxn", "clp", "cop", "ars"),
    "shillings": ("kes", "ugx", "tzs"),
    "shilling": ("kes", "ugx", "tzs"),
}

# Words that are a currency only right after a number: alone they are ordinary English
# ("who won", "real"), but "50,000 won" can only be Korean won.
AFTER_NUMBER_WORDS: dict[str, str] = {**WORDS, "won": "krw"}
AFTER_NUMBER_ANY: tuple[str, ...] = (*AFTER_NUMBER_WORDS, *AMBIGUOUS_AFTER_NUMBER)
"""Every word the amount pattern reads after a number."""

CENT_WORDS: frozenset[str] = frozenset({"cent", "cents", "¢"})
# Hundredths words that may follow a major amount ("five pounds fifty pence").
MINOR_UNIT_WORDS: frozenset[str] = frozenset({"cent", "cents", "pence", "p"})

# Symbols format_amount writes; every other currency is written with its upper-case code.
FORMAT_SYMBOLS: dict[str, str] = {"usd": "$", "eur": "€", "gbp": "£", "jpy": "¥"}
