"""Month names and the commonest relative periods in French, Spanish, German, Portuguese,
Dutch, Italian and Polish (and Turkish month names but "mart", an English word), as the
English words the date patterns read ("letzte Woche" -> "last week", "en janvier" -> "in
january").

They are rewritten in the scanner's copy of the text only (positions map back, as for month
typos), so every pattern stays English and small. Names that are also common words or given
names in English ("Marco") are left out.
"""

from __future__ import annotations

_MONTHS = {
    "january": "janvier enero januar jänner janeiro januari gennaio ocak",
    "february": "février fevrier febrero februar fevereiro februari febbraio şubat",
    "march": "mars marzo märz maerz março maart",
    "april": "avril abril aprile nisan",
    "may": "mai mayo maio mei maggio mayıs",
    "june": "juin junio juni junho giugno haziran",
    "july": "juillet julio juli julho luglio temmuz",
    "august": "août aout agosto augustus ağustos",
    "september": "septembre septiembre setiembre setembro settembre eylül",
    "october": "octobre octubre oktober outubro ottobre ekim",
    "november": "novembre noviembre novembro kasım",
    "december": "décembre decembre diciembre dezember dezembro dicembre aralık",
}
_PERIODS = {
    "yesterday": ["ayer", "hier", "gestern", "gisteren", "ieri", "ontem", "kahapon", "wczoraj"],
    "today": [
        "hoy",
        "aujourd'hui",
        "heute",
        "vandaag",
        "oggi",
        "hoje",
        "ngayong araw",
        "dzisiaj",
        "dziś",
    ],
    "last week": [
        "la semana pasada",
        "semana pasada",
        "la semaine dernière",
        "semaine dernière",
        "la semaine derniere",
        "semaine derniere",
        "letzte woche",
        "letzten woche",
        "vorige week",
        "vorige week",
        "afgelopen week",
        "la settimana scorsa",
        "settimana scorsa",
        "a semana passada",
        "semana passada",
        # Polish ("nieudane płatności z zeszłego tygodnia")
        "zeszłego tygodnia",
        "zeszły tydzień",
        "w zeszłym tygodniu",
        "ubiegłego tygodnia",
        "ubiegły tydzień",
        "w ubiegłym tygodniu",
        "poprzedniego tygodnia",
    ],
    "this week": [
        "esta semana",
        "cette semaine",
        "diese woche",
        "dieser woche",
        "deze week",
        "questa settimana",
        "ten tydzień",
        "tego tygodnia",
        "w tym tygodniu",
    ],
    "last month": [
        "el mes pasado",
        "mes pasado",
        "le mois dernier",
        "mois dernier",
        "letzten monat",
        "letzter monat",
        "vorige maand",
        "afgelopen maand",
        "il mese scorso",
        "mese scorso",
        "o mês passado",
        "mês passado",
        "mes passado",
        "zeszłego miesiąca",
        "zeszły miesiąc",
        "w zeszłym miesiącu",
        "ubiegłego miesiąca",
        "ubiegły miesiąc",
        "w ubiegłym miesiącu",
        "poprzedniego miesiąca",
    ],
    "this month": [
        "este mes",
        "ce mois-ci",
        "ce mois ci",
        "ce mois",
        "desse mês",
        "deste mês",
        "este mês",
        "esse mês",
        "is month",
        "iss month",
        "is mahine",
        "ngayong buwan",
        "diesen monat",
        "dieser monat",
        "deze maand",
        "questo mese",
        "diesem monat",
        "aus diesem monat",
        "este mês",
        "ten miesiąc",
        "tego miesiąca",
        "w tym miesiącu",
    ],
    # "tra il 1 e il 15 aprile": a range of days in one month
    "between the": ["tra il", "fra il", "entre el", "entre le"],
    "and the": ["e il", "y el", "et le"],
    "last quarter": [
        "el trimestre pasado",
        "trimestre pasado",
        "le trimestre dernier",
        "trimestre dernier",
        "letztes quartal",
        "letzten quartal",
        "vorig kwartaal",
        "vorige kwartaal",
        "il trimestre scorso",
        "trimestre scorso",
        "o trimestre passado",
        "trimestre passado",
    ],
    "last year": [
        "el año pasado",
        "año pasado",
        "l'année dernière",
        "l'annee derniere",
        "année dernière",
        "letztes jahr",
        "letzten jahr",
        "vorig jaar",
        "l'anno scorso",
        "anno scorso",
        "o ano passado",
        "ano passado",
    ],
    "this year": ["este año", "cette année", "dieses jahr", "dit jaar", "quest'anno", "este ano"],
    # openers of an open range ("desde el 1 de diciembre", "depuis le 3 mars", "seit dem 2. Mai")
    "since the": ["desde el", "depuis le", "seit dem", "desde o", "dal"],
    "since": ["desde", "depuis", "seit"],
}

_ENGLISH = {  # phrasings the patterns don't read, as ones they do
    "this year": [
        "the year so far",
        "year so far",
        "so far this year",
        "this year so far",
        "year-to-date",
        "year-to-day",
    ],
    "this quarter": ["quarter-to-date"],
    # "25 most recent payments but nothing from before june 1": from June 1 on
    "since": ["nothing from before", "nothing before", "not before", "no earlier than"],
    # "not after June 5th", "on or before the 5th": up to the end of that day
    "until": ["nothing after", "nothing from after", "not after", "not later than", "on or before"],
    # "up to but not including Feb 1": the day before it
    "before": [
        "up to but not including",
        "up until but not including",
        "until but not including",
        "up to and not including",
        "up to but excluding",
    ],
    "this month": ["the month so far", "month so far", "so far this month", "month-to-date"],
    "this week": ["the week so far", "week so far", "so far this week", "week-to-date"],
}

_HOLIDAYS = {
    "december 25": ["christmas day", "xmas day"],
    "december 24": ["christmas eve", "xmas eve"],
    "december 26": ["boxing day"],
    "december 31": ["new year's eve", "new years eve", "nye"],
    "january 1": ["new year's day", "new years day"],
    "february 14": ["valentine's day", "valentines day", "valentine's"],
    "march 17": ["st patrick's day", "st. patrick's day", "saint patrick's day"],
    "october 31": ["halloween"],
}

FOREIGN_DATE_WORDS: dict[str, str] = {
    **{word: english for english, words in _MONTHS.items() for word in words.split()},
    **{phrase: english for english, phrases in _PERIODS.items() for phrase in phrases},
    **{name: day for day, names in _HOLIDAYS.items() for name in names},
    **{phrase: english for english, phrases in _ENGLISH.items() for phrase in phrases},
}
"""Foreign spelling (lowercase, single spaces) -> the English the patterns read; fixed-date
holidays ("Christmas Day") -> their day, which then reads like "December 25"."""

FOREIGN_MONTH_PREPOSITIONS = "en de di im em del"
"""Words before a bare month that make it a date ("en janvier", "de marzo", "im März")."""
