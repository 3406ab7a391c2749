import django_filters
from django import forms

from portal.models import Art, Dokument
from sager.models import Punkttype
from udvalg.models import Person, Udvalg

SORTERING = [("relevans", "Relevans"), ("dato", "Nyeste først")]


class SoegFilter(django_filters.FilterSet):
    """The search page's box, facets and sort order (the match itself: portal.soegning)."""

    q = django_filters.CharFilter(label="Søg", method="_intet", max_length=500)
    udvalg = django_filters.ModelChoiceFilter(label="Udvalg", queryset=Udvalg.objects.all())
    aar = django_filters.NumberFilter(
        label="År", field_name="dato", lookup_expr="year", min_value=1900, max_value=2199
    )
    punkttype = django_filters.ChoiceFilter(label="Punkttype", choices=Punkttype.choices)
    art = django_filters.ChoiceFilter(label="Hvad", choices=Art.choices)
    afstemning = django_filters.ChoiceFilter(
        label="Afstemning",
        choices=[("ja", "Med afstemning")],
        method="_afstemning",
    )
    person = django_filters.ModelChoiceFilter(
        label="Person", field_name="personer", queryset=Person.objects.all()
    )
    sortering = django_filters.ChoiceFilter(
        label="Sortér efter", choices=SORTERING, method="_intet", empty_label=None
    )

    class Meta:
        model = Dokument
        fields = ["q", "udvalg", "aar", "punkttype", "art", "afstemning", "person", "sortering"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.form.fields
        fields["q"].widget = forms.TextInput(
            attrs={
                "type": "search",
                "class": "form-input",
                "autocomplete": "off",
                "aria-describedby": "soeg-hjaelp",
            }
        )
        fields["sortering"].widget.attrs["class"] = "form-select"
        fields["aar"].error_messages["invalid"] = "Angiv et årstal, fx 2014."
        for name in ("udvalg", "person"):
            fields[name].error_messages["invalid_choice"] = "Vælg et af de viste filtre."

    def _intet(self, queryset, name, value):
        return queryset

    def _afstemning(self, queryset, name, value):
        return queryset.filter(har_afstemning=True) if value == "ja" else queryset
