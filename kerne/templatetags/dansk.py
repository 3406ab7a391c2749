"""Danish formats and safe rich text for templates (a builtin: no {% load %} needed)."""

import uuid

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from kerne import danish, richtext

register = template.Library()

# The name of a form's one-time key field.
FORMULARNOEGLE = "formularnoegle"


@register.filter
def lang_dato(value):
    """onsdag den 12. marts 2014"""
    return danish.long_date(value) if value else ""


@register.filter
def dato_uden_ugedag(value):
    """12. marts 2014"""
    return danish.date_without_weekday(value) if value else ""


@register.filter
def numerisk_dato(value):
    """12-03-2014"""
    return danish.numeric_date(value) if value else ""


@register.filter
def klokken(value):
    """Kl. 7:30"""
    return danish.klokken(value) if value else ""


@register.filter
def rig_tekst(value):
    """Section HTML, sanitised again on output so stored text can never inject markup."""
    if value is None:
        return ""
    return mark_safe(richtext.sanitise(value))  # noqa: S308 - output of the sanitiser


@register.filter
def tusinder(value):
    """A whole number with Danish thousands separators: 10.000"""
    if value is None or value == "":
        return ""
    return f"{int(value):,}".replace(",", ".")


@register.filter
def procent(value):
    """A Decimal percentage with a decimal comma: 1,1"""
    if value is None or value == "":
        return ""
    return f"{value:,.1f}".replace(",", "X").replace(".", ",").replace("X", ".")


@register.filter
def varighed(value):
    """A timedelta as Danish words: '15 minutter', '1 time og 30 minutter'."""
    if not value:
        return ""
    minutes = int(value.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} time{'r' if hours != 1 else ''}")
    if minutes or not parts:
        parts.append(f"{minutes} minut{'ter' if minutes != 1 else ''}")
    return " og ".join(parts)


@register.simple_tag
def formularnoegle() -> str:
    """A form's one-time key: the same rendered form sent twice (a double click, eight at once)
    is saved once (protokol.middleware.EngangsformularMiddleware)."""
    return format_html(
        '<input type="hidden" name="{}" value="{}">', FORMULARNOEGLE, uuid.uuid4().hex
    )
