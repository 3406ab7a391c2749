"""Jinja2 for the partials a page repeats per agenda item (the item, its rows, attachments and
decisions). The Django template language resolved about 1,300 variables and ran 60 includes for
a 20-item meeting page, two thirds of its time (issue 13); Jinja2 compiles the same markup
to Python. The pages themselves stay Django templates and call a macro with {% jinja %}
(kerne.templatetags.jinja_makro); Python calls `makro`. Same escaping: autoescape is on, and
Django's safe strings pass through (they carry __html__).
"""

import functools

import jinja2
from django.conf import settings
from django.template import defaultfilters, engines
from django.urls import get_script_prefix, get_urlconf, reverse

from kerne.templatetags import dansk


def url(name: str, *args) -> str:
    """{% url %} for Jinja2. A 20-item meeting page links each item's case, attachments and
    proposals (35 reversals, a tenth of its rendering); a link depends only on the name, the
    arguments, the URL configuration and the script prefix, so it is remembered under them."""
    return _reverse(name, args, get_script_prefix(), get_urlconf(), settings.ROOT_URLCONF)


@functools.lru_cache(maxsize=8192)
def _reverse(name: str, args: tuple, prefix: str, urlconf, root: str) -> str:
    return reverse(name, args=args, urlconf=urlconf)


def environment(**options) -> jinja2.Environment:
    # Missing attributes render empty, as in Django's templates, in development too (Django's
    # backend would choose DebugUndefined there, which prints the expression).
    options["undefined"] = jinja2.Undefined
    env = jinja2.Environment(**options)  # noqa: S701 - autoescape is set by Django's backend
    env.globals["url"] = url
    env.filters.update(
        {
            "rig_tekst": dansk.rig_tekst,
            "numerisk_dato": dansk.numerisk_dato,
            "lang_dato": dansk.lang_dato,
            "linebreaksbr": defaultfilters.linebreaksbr,
        }
    )
    return env


def makro(skabelon: str, navn: str, **kwargs) -> str:
    """The HTML of macro `navn` in the Jinja2 template `skabelon` (templates/jinja2/)."""
    module = engines["jinja2"].env.get_template(skabelon).module
    return getattr(module, navn)(**kwargs)
