"""Amounts in templates (a builtin: no {% load %} needed): whole kroner and årsværk."""

from django import template

from budget import beloeb

register = template.Library()


@register.filter
def kr(value):
    """1.020.000 – whole kroner with Danish thousands separators."""
    if value is None or value == "":
        return ""
    return beloeb.format_kr(int(value))


@register.filter
def mio(value):
    """115,9 mio. kr."""
    if value is None or value == "":
        return ""
    return beloeb.format_mio(int(value))


@register.filter
def aarsvaerk(value):
    """1,35"""
    return beloeb.format_aarsvaerk(value)
