"""The meeting cycle's forms: recording an item and the attendance, an earlier decision, a
signature with the password, and the reason for reopening signed minutes."""

import datetime

from django import forms
from django.core.exceptions import ValidationError

from kerne import richtext
from kerne.templatetags import dansk
from protokol import deltagelse
from sager.models import Fravaersaarsag, Valg
from udvalg.models import FremmoedeStatus, Udvalg

INGEN_STEMME = ""


class PunktOptagForm(forms.Form):
    """Everything recorded on one item: decision, who took part, a named vote, a minority
    statement. Built for the item's participants; field names carry the person id."""

    frase = forms.ChoiceField(
        label="Standardtekst",
        required=False,
        help_text="Vælg en standardtekst, eller skriv beslutningen nedenfor.",
        widget=forms.Select(attrs={"class": "form-select", "data-frase-picker": ""}),
    )
    tekst = forms.CharField(
        label="Beslutning",
        required=False,
        help_text="Afsnit adskilles med en tom linje.",
        # A plain textarea: fast to type in during the meeting; sanitised on the server.
        widget=forms.Textarea(attrs={"class": "form-input input-width-xl", "rows": 4}),
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)
    offentlig_tekst = forms.CharField(
        label="Beslutning til offentligheden",
        required=False,
        help_text="Lukket punkt: den form af beslutningen, der må offentliggøres. Tom: ingen.",
        widget=forms.Textarea(attrs={"class": "form-input input-width-xl", "rows": 2}),
    )
    gem_frase = forms.BooleanField(
        label="Gem teksten som standardtekst for udvalget",
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-checkbox"}),
    )
    forslag = forms.CharField(
        label="Forslag sat til afstemning",
        required=False,
        help_text="Kun ved afstemning. Skriv forslaget uden anførselstegn.",
        widget=forms.Textarea(attrs={"class": "form-input input-width-xl", "rows": 2}),
    )
    mindretal_person = forms.TypedChoiceField(
        label="Mindretalsudtalelse fra",
        required=False,
        coerce=int,
        empty_value=None,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    mindretal_tekst = forms.CharField(
        label="Udtalelse",
        required=False,
        help_text="Skriv udtalelsen uden anførselstegn.",
        widget=forms.Textarea(attrs={"class": "form-input input-width-xl", "rows": 3}),
    )

    fjern_mindretal = forms.TypedMultipleChoiceField(
        label="Fjern mindretalsudtalelse",
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"}),
    )

    def __init__(self, *args, punkt, deltagere, fraser=(), **kwargs):
        kwargs.setdefault("prefix", f"p{punkt.pk}")
        super().__init__(*args, **kwargs)
        self.punkt = punkt
        self.deltagere = deltagere
        beslutning = getattr(punkt, "beslutning", None)
        existing = list(beslutning.mindretalsudtalelser.all()) if beslutning else []
        self.fields["fjern_mindretal"].choices = [
            (m.person_id, f"{m.person.navn}: ”{m.tekst}”") for m in existing
        ]
        phrases = [*deltagelse.STANDARD_FRASER, *fraser]
        self.fields["frase"].choices = [("", "Vælg standardtekst"), *[(f, f) for f in phrases]]
        self.fields["mindretal_person"].choices = [("", "Ingen")] + [
            (d.person_id, d.navn) for d in deltagere
        ]
        for d in deltagere:
            self.fields[f"fravaer_{d.person_id}"] = forms.ChoiceField(
                label=d.navn,
                required=False,
                choices=[("", "Deltager"), *Fravaersaarsag.choices],
                widget=forms.Select(attrs={"class": "form-select"}),
            )
            self.fields[f"stemme_{d.person_id}"] = forms.ChoiceField(
                label=d.navn,
                required=False,
                choices=[(INGEN_STEMME, "Ingen stemme"), *Valg.choices],
                widget=forms.Select(attrs={"class": "form-select"}),
            )

    def recording(self) -> dict:
        """The cleaned data as the arguments of protokol.services.optagelse.punkt_record."""
        data = self.cleaned_data
        return {
            "tekst": data["tekst"],
            "version": data["version"],
            "fravaer": data["fravaer"],
            "forslag": data["forslag"],
            "stemmer": data["stemmer"],
            "mindretal_person": data["mindretal_person"],
            "mindretal_tekst": data["mindretal_tekst"],
            "fjern_mindretal": data["fjern_mindretal"],
            "gem_frase": data["gem_frase"],
            "offentlig_tekst": data["offentlig_tekst"] if self.punkt.is_lukket else None,
        }

    def add_service_error(self, exc: ValidationError) -> None:
        """A refusal from the service: on the field it names, else for the whole form."""
        if hasattr(exc, "error_dict"):
            for field, errors in exc.error_dict.items():
                self.add_error(field if field in self.fields else None, errors)
        else:
            self.add_error(None, exc)

    def deltager_rows(self):
        return [
            (d, self[f"fravaer_{d.person_id}"], self[f"stemme_{d.person_id}"])
            for d in self.deltagere
        ]

    def clean(self):
        data = super().clean()
        if not (data.get("tekst") or "").strip() and data.get("frase"):
            data["tekst"] = data["frase"]
        data["tekst"] = richtext.section_value(data.get("tekst")) or ""
        data["offentlig_tekst"] = richtext.section_value(data.get("offentlig_tekst")) or ""
        data["fravaer"] = {
            d.person_id: data.get(f"fravaer_{d.person_id}") or None for d in self.deltagere
        }
        data["stemmer"] = {
            d.person_id: data[f"stemme_{d.person_id}"]
            for d in self.deltagere
            if data.get(f"stemme_{d.person_id}")
        }
        if data["stemmer"] and not (data.get("forslag") or "").strip():
            self.add_error(
                "forslag", ValidationError("Skriv forslaget, der blev stemt om.", code="required")
            )
        if (data.get("forslag") or "").strip() and not data["stemmer"]:
            self.add_error(
                "forslag",
                ValidationError("Angiv, hvordan medlemmerne stemte.", code="no_votes"),
            )
        if bool(data.get("mindretal_person")) != bool((data.get("mindretal_tekst") or "").strip()):
            self.add_error(
                "mindretal_tekst",
                ValidationError(
                    "Vælg medlemmet og skriv udtalelsen – begge dele skal udfyldes.",
                    code="incomplete",
                ),
            )
        return data


class FremmoedeForm(forms.Form):
    """The meeting's attendance: each member's status, and substitutes taking a seat."""

    snapshot = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, medlemskaber, fremmoede, personer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["snapshot"].initial = deltagelse.attendance_snapshot(fremmoede)
        rows = {f.person_id: f for f in fremmoede}
        self.medlemskaber = [m for m in medlemskaber if not m.stedfortraeder]
        for m in self.medlemskaber:
            row = rows.get(m.person_id)
            self.fields[f"status_{m.person_id}"] = forms.ChoiceField(
                label=m.person.navn,
                choices=FremmoedeStatus.choices,
                initial=row.status if row else FremmoedeStatus.TIL_STEDE,
                widget=forms.Select(attrs={"class": "form-select"}),
            )
            self.fields[f"grund_{m.person_id}"] = forms.CharField(
                label=f"Anden grund for {m.person.navn}",
                required=False,
                max_length=200,
                initial=row.grund if row else "",
                widget=forms.TextInput(attrs={"class": "form-input"}),
            )
            sub = next((f for f in fremmoede if f.stedfortraeder_for_id == m.person_id), None)
            self.fields[f"vikar_{m.person_id}"] = forms.TypedChoiceField(
                label=f"Stedfortræder for {m.person.navn}",
                required=False,
                coerce=int,
                empty_value=None,
                choices=[("", "Ingen")] + [(p.pk, p.navn) for p in personer if p.pk != m.person_id],
                initial=sub.person_id if sub else "",
                widget=forms.Select(attrs={"class": "form-select"}),
            )

    def attendance_rows(self) -> list[tuple[int, str, str, int | None]]:
        """(member id, status, reason, substitute id) for protokol.services.optagelse."""
        data = self.cleaned_data
        return [
            (
                m.person_id,
                data[f"status_{m.person_id}"],
                data[f"grund_{m.person_id}"],
                data[f"vikar_{m.person_id}"],
            )
            for m in self.medlemskaber
        ]

    def rows(self):
        return [
            (m, self[f"status_{m.person_id}"], self[f"grund_{m.person_id}"],
             self[f"vikar_{m.person_id}"])
            for m in self.medlemskaber
        ]  # fmt: skip

    def clean(self):
        data = super().clean()
        member_ids = {m.person_id for m in self.medlemskaber}
        seen = set()
        for m in self.medlemskaber:
            vikar = data.get(f"vikar_{m.person_id}")
            status = data.get(f"status_{m.person_id}")
            if vikar is None:
                continue
            if status == FremmoedeStatus.TIL_STEDE:
                self.add_error(
                    f"vikar_{m.person_id}",
                    ValidationError(
                        "Et medlem, der er til stede, kan ikke have en stedfortræder.",
                        code="present",
                    ),
                )
            if vikar in member_ids or vikar in seen:
                self.add_error(
                    f"vikar_{m.person_id}",
                    ValidationError(
                        "Stedfortræderen sidder allerede på en anden plads.", code="taken"
                    ),
                )
            seen.add(vikar)
        return data


class TidligereBeslutningForm(forms.Form):
    """An earlier decision on the case, e.g. by another committee or before the system."""

    udvalg = forms.TypedChoiceField(
        label="Udvalg",
        coerce=int,
        error_messages={"required": "Vælg udvalget, der traf beslutningen."},
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    dato = forms.DateField(
        label="Dato",
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"],
        widget=forms.DateInput(attrs={"type": "date", "class": "form-input"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Angiv datoen.",
            "invalid": "Datoen kan ikke læses. Skriv den som dd-mm-åååå.",
        },
    )
    tekst = forms.CharField(
        label="Den tidligere beslutnings tekst",
        widget=forms.Textarea(attrs={"class": "form-input input-width-xl", "rows": 3}),
        error_messages={"required": "Skriv beslutningens tekst."},
    )

    def __init__(self, *args, punkt, udvalg_choices: list[tuple[int, str]], **kwargs):
        kwargs.setdefault("prefix", f"t{punkt.pk}")
        kwargs.setdefault("initial", {"udvalg": punkt.moede.udvalg_id})
        super().__init__(*args, **kwargs)
        self.punkt = punkt
        self.fields["udvalg"].choices = [("", "Vælg udvalg"), *udvalg_choices]

    def clean_udvalg(self):
        return Udvalg.objects.get(pk=self.cleaned_data["udvalg"])

    def clean_dato(self):
        dato = self.cleaned_data["dato"]
        if dato >= self.punkt.moede.dato:
            raise ValidationError(
                "En tidligere beslutning skal ligge før mødet.", code="not_earlier"
            )
        return dato

    def clean(self):
        data = super().clean()
        if "tekst" in data:
            data["tekst"] = richtext.section_value(data["tekst"]) or ""
        return data


class UnderskriftForm(forms.Form):
    password = forms.CharField(
        label="Din adgangskode",
        help_text="Bekræft med din adgangskode, at det er dig, der underskriver.",
        strip=False,
        widget=forms.PasswordInput(
            attrs={"class": "form-input", "autocomplete": "current-password"}
        ),
        error_messages={"required": "Skriv din adgangskode for at underskrive."},
    )

    @staticmethod
    def throttled_error(ventetid: datetime.timedelta) -> ValidationError:
        """Too many wrong passwords (kerne.throttle): refused without checking this one."""
        return ValidationError(
            f"For mange forkerte adgangskoder. Prøv igen om {dansk.varighed(ventetid)}.",
            code="throttled",
        )


class GenaabningForm(forms.Form):
    begrundelse = forms.CharField(
        label="Begrundelse for genåbning",
        help_text="Gemmes i loggen sammen med dit navn og tidspunktet.",
        widget=forms.Textarea(attrs={"class": "form-input input-width-xl", "rows": 3}),
        error_messages={"required": "Skriv hvorfor protokollen genåbnes."},
    )
