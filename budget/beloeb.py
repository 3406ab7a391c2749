"""Amounts in whole kroner: Danish formatting ("-1.020.000") and forgiving but never guessing
parsing of what a secretary types into a year table (DOMAIN §5.2).

Accepted: "1.020.000", "-1.020.000", "−370 000", "1020000", "1,020,000" (English thousands),
"-0,37 mio.", "0.37 mio kr", "650 t.kr.", "650 tkr.", "1,2 mia.", with or without "kr." and a
leading "+". A lone "-" or "–" is an empty cell, as the old forms print it.

Refused with a Danish message (never guessed): text, two decimal separators, a number whose
separator could be read two ways ("1,020" is 1,02 to a Dane and 1020 to an English reader),
øre (amounts are whole kroner) and amounts beyond ``MAKS``.
"""

import re
from decimal import Decimal, InvalidOperation

MAKS = 10**12 - 1  # a trillion kroner is beyond any municipal budget line

_MINUS = "-\u2212\u2013"  # hyphen-minus, minus sign, en dash (Word turns "-" into "–")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_ENHEDER = [
    # (pattern at the end of the text, factor, name in messages); longest first
    (re.compile(r"\s*(mia\.?|mia\.?\s*kr\.?|milliard(er)?)$", re.I), 10**9),
    (re.compile(r"\s*(mio\.?|mio\.?\s*kr\.?|million(er)?)$", re.I), 10**6),
    (re.compile(r"\s*(t\.?\s*kr\.?|tkr\.?|tusind(e)?)$", re.I), 10**3),
]
_KR = re.compile(r"^\s*kr\.?\s*|\s*(kr\.?|kroner|dkk)\s*$", re.I)
_DIGITS = re.compile(r"^\d+$")
_GROUPED = re.compile(r"^\d{1,3}(X\d{3})+$")  # X: the thousands separator


class BeloebFejl(ValueError):
    """A cell that is not an amount; the message is Danish and meant for the user."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


def format_kr(value: int | None, *, tom: str = "") -> str:
    """-1020000 → "-1.020.000" (the ØKONOMI tables); None → ``tom``."""
    if value is None:
        return tom
    return f"{value:,}".replace(",", ".")


def format_mio(value: int) -> str:
    """115900000 → "115,9 mio. kr." (frames and targets in prose), up to three decimals."""
    text = f"{Decimal(value) / 10**6:.3f}".rstrip("0").rstrip(".")
    return f"{text.replace('.', ',')} mio. kr."


def _number(text: str, *, med_enhed: bool) -> Decimal:
    """The digits of one cell as a Decimal, separators interpreted or refused."""
    has_dot, has_comma = "." in text, "," in text
    if has_dot and has_comma:
        last = max(text.rfind("."), text.rfind(","))
        decimal_sep = text[last]
        thousands = "," if decimal_sep == "." else "."
        whole, fraction = text[:last], text[last + 1 :]
        if decimal_sep in whole:
            raise BeloebFejl("har to decimaltegn", "to_decimaltegn")
        if not _GROUPED.match(whole.replace(thousands, "X")) or not _DIGITS.match(fraction):
            raise BeloebFejl("har tusindtalsskilletegn de forkerte steder", "skilletegn")
        return Decimal(f"{whole.replace(thousands, '')}.{fraction}")
    sep = "." if has_dot else "," if has_comma else None
    if sep is None:
        if not _DIGITS.match(text):
            raise BeloebFejl("er ikke et beløb", "ikke_tal")
        return Decimal(text)
    parts = text.split(sep)
    if not all(_DIGITS.match(p) for p in parts):
        raise BeloebFejl("er ikke et beløb", "ikke_tal")
    if len(parts) > 2:
        # "1.020.000" / "1,020,000": thousands; "1,5,3": nonsense with two decimal separators.
        if _GROUPED.match(text.replace(sep, "X")):
            return Decimal("".join(parts))
        raise BeloebFejl("har to decimaltegn", "to_decimaltegn")
    whole, fraction = parts
    if len(fraction) == 3 and len(whole) <= 3 and not whole.startswith("0"):
        # "1.020": Danish thousands; "1,020": a Danish decimal or English thousands. With a unit
        # ("1.250 mio.") the dot could be an English decimal too. A leading 0 is never a group.
        if sep == "," or med_enhed:
            raise BeloebFejl(
                f"kan læses på to måder (skriv {whole}{fraction} eller "
                f"{whole},{fraction.rstrip('0') or '0'})",
                "tvetydig",
            )
        return Decimal(whole + fraction)
    if sep == "." and not med_enhed:
        raise BeloebFejl("bruger punktum som decimaltegn; skriv hele kroner", "oere")
    return Decimal(f"{whole}.{fraction}")


def parse_beloeb(raw: str | None) -> int | None:
    """The whole-kroner amount in a cell; None for an empty cell ("" or a lone dash)."""
    text = _SPACES.sub(" ", raw or "").strip()
    if text in ("", "-", "–", "\u2212"):
        return None
    sign = 1
    if text[0] in _MINUS:
        sign, text = -1, text[1:].lstrip()
    elif text[0] == "+":
        text = text[1:].lstrip()
    factor = 1
    for pattern, unit in _ENHEDER:
        stripped = pattern.sub("", text)
        if stripped != text:
            factor, text = unit, stripped
            break
    text = _KR.sub("", text).strip()
    if factor == 1:
        for pattern, unit in _ENHEDER:  # "kr. 1,2 mio." after the "kr." prefix
            stripped = pattern.sub("", text)
            if stripped != text:
                factor, text = unit, stripped.strip()
                break
    text = text.replace(" ", "")
    if not text:
        raise BeloebFejl("er ikke et beløb", "ikke_tal")
    if text[0] in _MINUS + "+":
        raise BeloebFejl("har mere end ét fortegn", "ikke_tal")
    try:
        amount = _number(text, med_enhed=factor != 1) * factor
    except InvalidOperation as exc:  # pragma: no cover - _number only builds valid decimals
        raise BeloebFejl("er ikke et beløb", "ikke_tal") from exc
    if amount != amount.to_integral_value():
        raise BeloebFejl("er ikke et helt antal kroner", "oere")
    value = sign * int(amount)
    if abs(value) > MAKS:
        raise BeloebFejl("er større end 999 mia. kr.", "for_stort")
    return value


def parse_aarsvaerk(raw: str | None) -> Decimal | None:
    """Full-time equivalents (årsværk) per year: "1,35", "-2", "0"; blank allowed."""
    text = _SPACES.sub("", raw or "")
    if text in ("", "-", "–"):
        return None
    sign = ""
    if text[0] in _MINUS:
        sign, text = "-", text[1:]
    if text.count(",") + text.count(".") > 1:
        raise BeloebFejl("har to decimaltegn", "to_decimaltegn")
    if not re.fullmatch(r"\d{1,4}([.,]\d{1,2})?", text):
        raise BeloebFejl("er ikke et antal årsværk (fx 1,35)", "ikke_tal")
    return Decimal(sign + text.replace(",", "."))


def format_aarsvaerk(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{value.normalize():f}".replace(".", ",")
