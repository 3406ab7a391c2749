import django_filters

from udvalg.models import Udvalg

from .models import Besparelsesforslag, Status, Udgiftstype


class ForslagFilter(django_filters.FilterSet):
    """Facets of a round's catalogue and overview; filters an already scoped queryset."""

    udvalg = django_filters.ModelChoiceFilter(
        label="Udvalg", queryset=Udvalg.objects.none(), empty_label="Alle udvalg"
    )
    udgiftstype = django_filters.ChoiceFilter(
        label="Udgiftstype", choices=Udgiftstype.choices, empty_label="Alle udgiftstyper"
    )
    status = django_filters.ChoiceFilter(
        label="Status", choices=Status.choices, empty_label="Alle statusser"
    )
    afdeling = django_filters.ChoiceFilter(
        label="Afdeling", field_name="afdeling_nr", empty_label="Alle afdelinger"
    )

    class Meta:
        model = Besparelsesforslag
        fields = ["udvalg", "udgiftstype", "status", "afdeling"]

    def __init__(self, *args, runde, **kwargs):
        super().__init__(*args, **kwargs)
        # Choices from the proposals the user can see (queryset), so no facet reveals others.
        self.filters["udvalg"].queryset = Udvalg.objects.filter(
            pk__in=self.queryset.values("udvalg_id")
        ).order_by("navn")
        afdelinger = (
            self.queryset.order_by("afdeling_nr")
            .values_list("afdeling_nr", "afdeling_navn")
            .distinct()
        )
        seen = {}
        for nr, navn in afdelinger:
            if nr not in seen or (navn and not seen[nr]):
                seen[nr] = navn
        self.filters["afdeling"].extra["choices"] = [
            (str(nr), f"{nr} {navn}".strip()) for nr, navn in seen.items()
        ]
        for f in self.form.fields.values():
            f.widget.attrs.setdefault("class", "form-select")
