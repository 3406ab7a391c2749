"""kerne.jinja: the Jinja2 side of the templates."""

from django.test import override_settings
from django.urls import clear_script_prefix, reverse, set_script_prefix
from django.utils.safestring import mark_safe

from kerne import jinja


def test_url_is_reverse_and_follows_the_script_prefix():
    assert jinja.url("sager:bilag-download", 7) == reverse("sager:bilag-download", args=[7])
    set_script_prefix("/kommune/")
    try:
        assert jinja.url("sager:bilag-download", 7).startswith("/kommune/")
        assert jinja.url("sager:bilag-download", 7) == reverse("sager:bilag-download", args=[7])
    finally:
        clear_script_prefix()
    assert not jinja.url("sager:bilag-download", 7).startswith("/kommune/")


@override_settings(ROOT_URLCONF="tests.kerne.urls_andet")
def test_url_follows_another_url_configuration():
    assert jinja.url("sager:bilag-download", 7) == "/andet/bilag/7/"


def test_macros_escape_data_and_keep_safe_strings():
    env = jinja.engines["jinja2"].env
    template = env.from_string("{{ a }} {{ b }}")
    assert template.render(a="<b>", b=mark_safe("<i>ok</i>")) == "&lt;b&gt; <i>ok</i>"
