"""Danish formats used in pages and protocols: dates, times, names, working days."""

import datetime
from collections.abc import Iterable
from functools import lru_cache

import holidays
from django.utils.text import slugify as ascii_slugify

UGEDAGE = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
MAANEDER = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
]


def weekday(dag: datetime.date) -> str:
    return UGEDAGE[dag.weekday()]


def date_without_weekday(dag: datetime.date) -> str:
    """'12. marts 2014' (attachment cover blocks, prose)."""
    return f"{dag.day}. {MAANEDER[dag.month - 1]} {dag.year}"


def long_date(dag: datetime.date) -> str:
    """'onsdag den 12. marts 2014' (meeting headers and protocol footers)."""
    return f"{weekday(dag)} den {date_without_weekday(dag)}"


def numeric_date(dag: datetime.date) -> str:
    """'12-03-2014' (decision headings)."""
    return dag.strftime("%d-%m-%Y")


def klokken(tid: datetime.time) -> str:
    """'Kl. 7:30' – the hour without zero padding, as in the protocols."""
    return f"Kl. {tid.hour}:{tid.minute:02d}"


def join_names(names: Iterable[str]) -> str:
    """'A', 'A og B', 'A, B og C'."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} og {names[-1]}"


@lru_cache(maxsize=64)
def _holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("DK", years=year)


def is_working_day(dag: datetime.date) -> bool:
    return dag.weekday() < 5 and dag not in _holidays(dag.year)


def working_days_before(dag: datetime.date, count: int) -> datetime.date:
    """The date `count` working days before `dag` (weekends and Danish public holidays skipped)."""
    result = dag
    remaining = count
    while remaining and result > datetime.date.min:  # before year 1 there is no date
        result -= datetime.timedelta(days=1)
        if is_working_day(result):
            remaining -= 1
    return result


def slugify(value: str) -> str:
    """A URL slug with the Danish transliteration (æ→ae, ø→oe, å→aa) before ASCII folding."""
    table = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})
    return ascii_slugify(value.translate(table))
