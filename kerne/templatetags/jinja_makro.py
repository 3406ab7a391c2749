"""{% jinja "protokol/punkt.html" "moede_indhold" punkter=punkter %}: a Jinja2 macro's HTML in
a Django template (kerne.jinja; a builtin, no {% load %} needed)."""

from django import template

from kerne import jinja

register = template.Library()


@register.simple_tag(name="jinja")
def jinja_tag(skabelon: str, navn: str, **kwargs) -> str:
    return jinja.makro(skabelon, navn, **kwargs)
