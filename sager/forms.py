from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from sager import protokol, richtext
from sager.models import (
    SAGSNR_VALIDATOR,
    SEKTIONER,
    Adgang,
    Bilag,
    FravaerType,
    Punkt,
    Punkttype,
    Sag,
    Valg,
)
from sager.protokol import STANDARD_FRASER
from udvalg.models import FremmoedeStatus, Udvalg

SECTION_HELP = "Lad feltet stå tomt for at udelade afsnittet, eller skriv - for at vise en streg."


def _rich(label: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        help_text=SECTION_HELP,
        widget=forms.Textarea(attrs={"class": "form-input", "rows": 6, "data-editor": "rich"}),
    )


class PunktCreateForm(forms.Form):
    """Add an item: from an existing case, a new case, or with no case."""

    sag = forms.ModelChoiceField(
        queryset=Sag.objects.all(), required=False, widget=forms.HiddenInput
    )
    nyt_sagsnr = forms.CharField(
        label="Sagsnr. på ny sag",
        required=False,
        max_length=20,  # the format validator gives the helpful message, not a length error
        help_text="Kun hvis sagen ikke findes i forvejen. Formen er ÅÅ/NNNNN, fx 15/839.",
        widget=forms.TextInput(attrs={"class": "form-input input-width-s"}),
    )
    ny_sag_titel = forms.CharField(
        label="Sagens titel",
        required=False,
        max_length=300,
        help_text="Tom: punktets titel bruges.",
        widget=forms.TextInput(attrs={"class": "form-input"}),
    )
    titel = forms.CharField(
        label="Punktets titel",
        required=False,
        max_length=300,
        help_text="Tom ved en eksisterende sag: sagens titel bruges.",
        widget=forms.TextInput(attrs={"class": "form-input"}),
    )
    punkttype = forms.ChoiceField(
        label="Punkttype",
        choices=Punkttype.choices,
        initial=Punkttype.BESLUTNING,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    adgang = forms.ChoiceField(
        label="Adgang",
        choices=Adgang.choices,
        initial=Adgang.AABEN,
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def clean_nyt_sagsnr(self):
        sagsnr = self.cleaned_data["nyt_sagsnr"].strip()
        if not sagsnr:
            return ""
        SAGSNR_VALIDATOR(sagsnr)
        if Sag.objects.filter(sagsnr=sagsnr).exists():
            raise ValidationError(
                "Der findes allerede en sag med sagsnummer %(sagsnr)s. "
                "Søg den frem og vælg den i stedet.",
                code="sagsnr_exists",
                params={"sagsnr": sagsnr},
            )
        return sagsnr

    def clean(self):
        data = super().clean()
        sag, sagsnr = data.get("sag"), data.get("nyt_sagsnr")
        if sag and sagsnr:
            raise ValidationError(
                "Vælg enten en eksisterende sag eller opret en ny, ikke begge.", code="both"
            )
        titel = (data.get("titel") or "").strip()
        if not titel and sag:
            data["titel"] = sag.titel
        elif not titel and "titel" not in self.errors:
            self.add_error("titel", ValidationError("Angiv punktets titel.", code="required"))
        return data


class PunktForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Punkt
        fields = [
            "titel",
            "punkttype",
            "adgang",
            "offentlig_titel",
            *[name for name, _ in SEKTIONER],
        ]
        widgets = {
            "titel": forms.TextInput(attrs={"class": "form-input input-width-xl"}),
            "punkttype": forms.Select(attrs={"class": "form-select"}),
            "adgang": forms.Select(attrs={"class": "form-select"}),
            "offentlig_titel": forms.TextInput(attrs={"class": "form-input input-width-xl"}),
        }
        error_messages = {"titel": {"required": "Angiv punktets titel."}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in SEKTIONER:
            self.fields[name] = _rich(label)
        if not self.is_bound:
            self.fields["version"].initial = self.instance.version

    def _clean_section(self, name):
        return richtext.section_value(self.cleaned_data.get(name))

    def clean_titel(self):
        titel = self.cleaned_data["titel"].strip()
        if not titel:
            raise ValidationError("Angiv punktets titel.", code="required")
        return titel

    def clean(self):
        data = super().clean()
        for name, _ in SEKTIONER:
            if name in data:
                data[name] = self._clean_section(name)
        return data


def _max_upload_mb() -> str:
    mb = settings.PROTOKOL_MAX_UPLOAD_BYTES / (1024 * 1024)
    return f"{mb:g}".replace(".", ",")


class BilagUploadForm(forms.Form):
    fil = forms.FileField(
        label="Fil",
        error_messages={
            "required": "Vælg en fil.",
            "empty": "Filen er tom.",
            "invalid": "Filen kunne ikke modtages. Prøv igen.",
        },
        widget=forms.ClearableFileInput(attrs={"class": "form-input"}),
    )
    titel = forms.CharField(
        label="Titel",
        required=False,
        max_length=300,
        widget=forms.TextInput(attrs={"class": "form-input"}),
    )
    bilagsnr = forms.CharField(
        label="Bilagsnr.",
        required=False,
        max_length=10,
        help_text="Fx 33292/15. Kan udelades.",
        widget=forms.TextInput(attrs={"class": "form-input input-width-s"}),
    )
    adgang = forms.ChoiceField(
        label="Adgang",
        choices=Adgang.choices,
        initial=Adgang.AABEN,
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, oversized: set[str] | frozenset = frozenset(), **kwargs):
        # Own ids: the form shares a page with PunktForm, which also has titel and adgang.
        kwargs.setdefault("auto_id", "bilag_%s")
        super().__init__(*args, **kwargs)
        self.oversized = oversized
        self.fields[
            "fil"
        ].help_text = f"PDF, Word, Excel, PowerPoint, PNG eller JPEG, højst {_max_upload_mb()} MB."

    def full_clean(self):
        super().full_clean()
        if "fil" in self.oversized and self.is_bound:
            self.errors.pop("fil", None)
            self.add_error(
                "fil",
                ValidationError(
                    f"Filen er større end {_max_upload_mb()} MB og er ikke gemt.",
                    code="too_large",
                ),
            )

    def clean_bilagsnr(self):
        bilagsnr = self.cleaned_data["bilagsnr"].strip()
        if bilagsnr:
            Bilag._meta.get_field("bilagsnr").run_validators(bilagsnr)
        return bilagsnr or None


class BilagForm(forms.ModelForm):
    class Meta:
        model = Bilag
        fields = ["filnavn", "titel", "bilagsnr", "adgang"]
        widgets = {
            "filnavn": forms.TextInput(attrs={"class": "form-input"}),
            "titel": forms.TextInput(attrs={"class": "form-input"}),
            "bilagsnr": forms.TextInput(attrs={"class": "form-input input-width-s"}),
            "adgang": forms.Select(attrs={"class": "form-select"}),
        }
        error_messages = {"filnavn": {"required": "Angiv filnavnet."}}


class ReorderForm(forms.Form):
    order = forms.TypedMultipleChoiceField(coerce=int, choices=())

    def __init__(self, *args, ids: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["order"].choices = [(i, i) for i in ids]


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
        phrases = [*STANDARD_FRASER, *fraser]
        self.fields["frase"].choices = [("", "Vælg standardtekst"), *[(f, f) for f in phrases]]
        self.fields["mindretal_person"].choices = [("", "Ingen")] + [
            (d.person_id, d.navn) for d in deltagere
        ]
        for d in deltagere:
            self.fields[f"fravaer_{d.person_id}"] = forms.ChoiceField(
                label=d.navn,
                required=False,
                choices=[("", "Deltager"), *FravaerType.choices],
                widget=forms.Select(attrs={"class": "form-select"}),
            )
            self.fields[f"stemme_{d.person_id}"] = forms.ChoiceField(
                label=d.navn,
                required=False,
                choices=[(INGEN_STEMME, "Ingen stemme"), *Valg.choices],
                widget=forms.Select(attrs={"class": "form-select"}),
            )

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
        self.fields["snapshot"].initial = protokol.attendance_snapshot(fremmoede)
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
