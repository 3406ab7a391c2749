import django_filters
from django.db.models import Q

from sager.models import MAX_SEARCH_WORDS, Sag
from udvalg.models import Udvalg


class SagFilter(django_filters.FilterSet):
    sagsnr = django_filters.CharFilter(
        label="Sagsnr.", field_name="sagsnr", lookup_expr="startswith"
    )
    titel = django_filters.CharFilter(label="Ord i titlen", method="filter_titel")
    udvalg = django_filters.ModelChoiceFilter(
        label="Udvalg",
        queryset=Udvalg.objects.none(),
        field_name="punkter__moede__udvalg",
        empty_label="Alle udvalg",
        distinct=True,
    )
    aar = django_filters.NumberFilter(
        label="År",
        field_name="punkter__moede__dato",
        lookup_expr="year",
        distinct=True,
        min_value=1970,
        max_value=2200,
    )

    class Meta:
        model = Sag
        fields = ["sagsnr", "titel", "udvalg", "aar"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["udvalg"].queryset = Udvalg.objects.for_user(user)
        for name, f in self.form.fields.items():
            f.widget.attrs.setdefault("class", "form-select" if name == "udvalg" else "form-input")
        self.form.fields["aar"].error_messages["invalid"] = "Angiv et årstal, fx 2015."

    def filter_titel(self, queryset, name, value):
        """Words of the title the user is shown (SagQuerySet.with_visningstitel)."""
        condition = Q()
        for word in value.split()[:MAX_SEARCH_WORDS]:
            condition &= Q(visningstitel__icontains=word)
        return queryset.filter(condition)
