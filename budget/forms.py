from django import forms
from django.core.exceptions import ValidationError

from .beloeb import BeloebFejl, format_aarsvaerk, format_kr, parse_aarsvaerk, parse_beloeb
from .models import AARSTAL_BELOEB, Aarstal, Besparelsesforslag
from .services import AarRaekke

TEXTAREA = {"class": "form-input", "rows": 4}


class ForslagForm(forms.ModelForm):
    class Meta:
        model = Besparelsesforslag
        fields = [
            "udvalg",
            "afdeling_nr",
            "afdeling_navn",
            "forslag_nr",
            "scenarie_nr",
            "udgiftstype",
            "udgiftstype_tekst",
            "acadre",
            "titel",
            "status",
            "beskrivelse",
            "sammenhaenge",
            "ikrafttraeden",
            "oekonomi_note",
            "oekonomi_beskrivelse",
            "personale_beskrivelse",
            "serviceniveau_nu",
            "serviceniveau_fremtidig",
            "serviceniveau_konsekvenser",
            "serviceniveau_sammenligning",
            "dialog_hoering",
            "bilag_tekst",
        ]
        widgets = {
            "ikrafttraeden": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "oekonomi_note": forms.Textarea(attrs={**TEXTAREA, "rows": 2}),
        }

    def __init__(self, *args, runde, udvalg_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.runde = runde
        self.fields["udvalg"].queryset = udvalg_choices
        self.fields["udvalg"].empty_label = None
        for name, field in self.fields.items():
            widget = field.widget
            if isinstance(widget, forms.Textarea):
                widget.attrs.update({k: v for k, v in TEXTAREA.items() if k not in widget.attrs})
            elif isinstance(widget, forms.Select):
                widget.attrs.setdefault("class", "form-select")
            else:
                widget.attrs.setdefault("class", "form-input")
            if name in ("afdeling_nr", "forslag_nr", "scenarie_nr"):
                widget.attrs["class"] += " input-width-xs"

    def clean(self):
        cleaned = super().clean()
        identity = [cleaned.get(f) for f in ("afdeling_nr", "forslag_nr", "scenarie_nr")]
        if None not in identity:
            afdeling, forslag, scenarie = identity
            clash = Besparelsesforslag.objects.filter(
                runde=self.runde, afdeling_nr=afdeling, forslag_nr=forslag, scenarie_nr=scenarie
            ).exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error(
                    "forslag_nr",
                    ValidationError(
                        f"Forslag {afdeling}/{forslag} scenarie {scenarie} findes allerede i "
                        f"{self.runde.navn}. Vælg et andet forslags- eller scenarienummer.",
                        code="dublet",
                    ),
                )
        return cleaned

    def _post_clean(self):
        # The identity constraint includes `runde`, which is not a form field; clean() checks it.
        self.instance.runde = self.runde
        super()._post_clean()


KOLONNER = {
    "aar": "Budgetår",
    "engangs": "Éngangsudgift/investering",
    "udgifter_service": "Udgifter, service",
    "udgifter_overfoersel": "Udgifter, overførsel",
    "indtaegter": "Indtægter",
    "aarsvaerk": "Årsværk",
}


class _CelleField(forms.CharField):
    """A cell of the year table: Danish text in, a number out (see budget.beloeb); an empty
    cell is None. No max_length validator: it would see the parsed number."""

    parse = staticmethod(parse_beloeb)
    format = staticmethod(format_kr)
    css = "form-input beloeb-input"
    maxlength = "40"

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs.update({"class": self.css, "maxlength": self.maxlength})

    def prepare_value(self, value):
        return value if value is None or isinstance(value, str) else self.format(value)

    def to_python(self, value):
        text = super().to_python(value)
        try:
            return self.parse(text)
        except BeloebFejl as exc:
            raise ValidationError(f"»{text}« {exc}.", code=exc.code) from exc


class BeloebField(_CelleField):
    """Whole kroner: "-1.020.000", "-0,37 mio.", "650 t.kr."."""


class AarsvaerkField(_CelleField):
    """Full-time equivalents: "1,35"."""

    parse = staticmethod(parse_aarsvaerk)
    format = staticmethod(format_aarsvaerk)
    css = "form-input beloeb-input input-width-xs"
    maxlength = "10"


class AarForm(forms.Form):
    """One row of the year table."""

    aar = forms.IntegerField(
        label="Budgetår",
        required=False,
        min_value=2000,
        max_value=2200,
        error_messages={
            "invalid": "Budgetåret skal være et årstal, fx 2016.",
            "min_value": "Budgetåret skal være et årstal, fx 2016.",
            "max_value": "Budgetåret skal være et årstal, fx 2016.",
        },
        widget=forms.NumberInput(attrs={"class": "form-input input-width-xs"}),
    )
    engangs = BeloebField(label=KOLONNER["engangs"])
    udgifter_service = BeloebField(label=KOLONNER["udgifter_service"])
    udgifter_overfoersel = BeloebField(label=KOLONNER["udgifter_overfoersel"])
    indtaegter = BeloebField(label=KOLONNER["indtaegter"])
    aarsvaerk = AarsvaerkField(label=KOLONNER["aarsvaerk"])

    def __init__(self, *args, runde, **kwargs):
        super().__init__(*args, **kwargs)
        self.runde = runde

    def clean(self):
        cleaned = super().clean()
        has_figures = any(cleaned.get(n) is not None for n in [*AARSTAL_BELOEB, "aarsvaerk"])
        aar = cleaned.get("aar")
        if "aar" in self.errors:
            return cleaned
        if aar is None and has_figures:
            self.add_error("aar", ValidationError("Angiv budgetåret.", code="aar_mangler"))
        elif aar is not None and not self.runde.foerste_aar <= aar <= self.runde.sidste_aar:
            self.add_error(
                "aar",
                ValidationError(
                    f"{aar} ligger uden for {self.runde.navn} "
                    f"({self.runde.foerste_aar}-{self.runde.sidste_aar}).",
                    code="aar_uden_for_runde",
                ),
            )
        return cleaned

    @property
    def aar_label(self) -> str:
        value = self["aar"].value()
        return str(value) if value not in (None, "") else f"række {self.prefix.split('-')[-1]}"

    @property
    def netto(self) -> int | None:
        """The net of a valid row, as the database will compute it; None if it has errors."""
        if not self.is_valid() or all(self.cleaned_data.get(n) is None for n in AARSTAL_BELOEB):
            return None
        return Aarstal.compute_netto(**{n: self.cleaned_data.get(n) for n in AARSTAL_BELOEB})

    @property
    def initial_netto(self) -> int | None:
        if all(self.initial.get(n) is None for n in AARSTAL_BELOEB):
            return None
        return Aarstal.compute_netto(**{n: self.initial.get(n) for n in AARSTAL_BELOEB})

    def raekke(self) -> AarRaekke | None:
        data = self.cleaned_data
        if data.get("aar") is None:
            return None
        return AarRaekke(
            aar=data["aar"],
            **{n: data.get(n) for n in [*AARSTAL_BELOEB, "aarsvaerk"]},
        )


class BaseAarFormSet(forms.BaseFormSet):
    def clean(self):
        if any(form.errors for form in self.forms):
            return
        seen = set()
        for form in self.forms:
            aar = form.cleaned_data.get("aar")
            if aar is None:
                continue
            if aar in seen:
                form.add_error(
                    "aar", ValidationError(f"{aar} står to gange i tabellen.", code="aar_dublet")
                )
            seen.add(aar)

    def raekker(self) -> list[AarRaekke]:
        return [r for r in (form.raekke() for form in self.forms) if r is not None]

    def cell_errors(self) -> list[tuple[str, str, str]]:
        """(cell label, message, input id) for the error summary: "2017, Udgifter, service"."""
        result = []
        for form in self.forms:
            for name, errors in form.errors.items():
                label = KOLONNER.get(name, "Tabellen")
                for message in errors:
                    result.append((f"{form.aar_label}, {label}", message, form[name].auto_id))
        result.extend(("Tabellen", message, "") for message in self.non_form_errors())
        return result


AarFormSet = forms.formset_factory(
    AarForm, formset=BaseAarFormSet, extra=0, max_num=20, validate_max=True
)


def aar_initial(forslag: Besparelsesforslag | None, runde) -> list[dict]:
    """The table's rows: every year of the round, filled from the saved rows, plus saved years
    outside it (a round whose span was narrowed), so nothing is silently dropped."""
    saved = {a.aar: a for a in forslag.aarstal.all()} if forslag and forslag.pk else {}
    years = sorted(set(runde.aarene) | set(saved))
    rows = []
    for year in years:
        a = saved.get(year)
        row = {"aar": year}
        if a is not None:
            row.update({n: getattr(a, n) for n in [*AARSTAL_BELOEB, "aarsvaerk"]})
        rows.append(row)
    return rows
