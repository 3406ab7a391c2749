"""CPR-number-shaped strings in text about to be published: six digits that are a valid date
(ddmmyy, in the 1900s or the 2000s), a hyphen, four digits. Whether they are CPR numbers only
a person can tell; the secretary is shown each (masked) and confirms before publishing."""

import datetime
import re

_CPR = re.compile(r"(?<![\d-])(\d{2})(\d{2})(\d{2})-(\d{4})(?![\d-])")


def find(text: str | None) -> list[str]:
    """Each CPR-number-shaped string in `text`, masked: 'ddmmyy-XXXX'."""
    found = []
    for match in _CPR.finditer(text or ""):
        dd, mm, yy = (int(g) for g in match.groups()[:3])
        if any(_valid(century + yy, mm, dd) for century in (1900, 2000)):
            found.append(f"{match.group(1)}{match.group(2)}{match.group(3)}-XXXX")
    return found


def _valid(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True
