import django_filters
from django.db.models.functions import ExtractYear

from udvalg.models import Moede, MoedeStatus


class MoedeFilter(django_filters.FilterSet):
    aar = django_filters.ChoiceFilter(
        label="År", field_name="dato", lookup_expr="year", empty_label="Alle år"
    )
    status = django_filters.ChoiceFilter(
        label="Status", choices=MoedeStatus.choices, empty_label="Alle"
    )

    class Meta:
        model = Moede
        fields = ["aar", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = (
            self.queryset.order_by()
            .annotate(y=ExtractYear("dato"))
            .values_list("y", flat=True)
            .distinct()
        )
        self.filters["aar"].extra["choices"] = [(y, y) for y in sorted(set(years), reverse=True)]
        for f in self.form.fields.values():
            f.widget.attrs.setdefault("class", "form-select")
