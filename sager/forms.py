from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from kerne import richtext
from sager.models import SAGSNR_VALIDATOR, SEKTIONER, Adgang, Bilag, Punkt, Punkttype, Sag

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

    def __init__(self, *args, sager, **kwargs):
        """`sager`: the cases this user may pick (SagQuerySet.pickable_by, with_visningstitel)."""
        super().__init__(*args, **kwargs)
        self.fields["sag"].queryset = sager

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
            data["titel"] = sag.visningstitel
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
