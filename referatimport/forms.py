"""The import page's upload form: old protocol files (.pdf or .txt) and an optional committee."""

from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

MAX_FILER = 50
MAX_FIL_BYTES = 25 * 1024 * 1024
ENDELSER = (".pdf", ".txt")


def max_fil_bytes() -> int:
    # The streaming handler (kerne.uploads) drops anything above the site-wide limit before
    # this form sees it; the import's own limit is the smaller of the two.
    return min(MAX_FIL_BYTES, settings.PROTOKOL_MAX_UPLOAD_BYTES)


def max_fil_mb() -> str:
    mb = max_fil_bytes() / (1024 * 1024)
    return f"{mb:g}".replace(".", ",")


class FlereFilerInput(forms.FileInput):
    allow_multiple_selected = True


class FlereFilerField(forms.FileField):
    """A file field that takes several files and cleans to a list."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", FlereFilerInput(attrs={"multiple": True, "accept": ",".join(ENDELSER)})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if not files:
            raise ValidationError(self.error_messages["required"], code="required")
        single = super().clean
        return [single(f, initial) for f in files]


class ImportUploadForm(forms.Form):
    filer = FlereFilerField(
        label="Protokolfiler",
        error_messages={
            "required": "Vælg mindst én fil.",
            "empty": "En af filerne er tom.",
            "invalid": "Filerne kunne ikke modtages. Prøv igen.",
        },
    )
    udvalg_navn = forms.CharField(
        label="Udvalg",
        required=False,
        max_length=200,
        help_text=(
            "Kun hvis protokollerne skal placeres under et andet udvalg end det, de selv "
            "nævner. Skriv navnet med valgperiode, fx »Økonomiudvalget 2014-2017«."
        ),
        widget=forms.TextInput(attrs={"class": "form-input input-width-xl"}),
    )

    def __init__(self, *args, oversized: set[str] | frozenset = frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        self.oversized = oversized
        self.fields["filer"].help_text = (
            f"PDF- eller tekstfiler (.pdf, .txt), højst {MAX_FILER} filer "
            f"og højst {max_fil_mb()} MB pr. fil. Du kan vælge flere filer på én gang."
        )

    def full_clean(self):
        super().full_clean()
        if "filer" in self.oversized and self.is_bound:
            # The upload handler skipped at least one file while it streamed in.
            self.errors.pop("filer", None)
            self.add_error(
                "filer",
                ValidationError(
                    f"Mindst én fil er større end {max_fil_mb()} MB og blev ikke modtaget. "
                    "Intet er gemt.",
                    code="too_large",
                ),
            )

    def clean_filer(self):
        files = self.cleaned_data["filer"]
        if len(files) > MAX_FILER:
            raise ValidationError(
                f"Du kan højst uploade {MAX_FILER} filer ad gangen (du valgte {len(files)}).",
                code="too_many",
            )
        errors = []
        for fil in files:
            if PurePath(fil.name).suffix.lower() not in ENDELSER:
                errors.append(
                    ValidationError(
                        f"»{fil.name}« er hverken en PDF- eller en tekstfil (.pdf eller .txt).",
                        code="type",
                    )
                )
            elif fil.size > max_fil_bytes():
                errors.append(
                    ValidationError(
                        f"»{fil.name}« er større end {max_fil_mb()} MB.", code="too_large"
                    )
                )
        if errors:
            raise ValidationError(errors)
        return files

    def clean_udvalg_navn(self):
        return " ".join(self.cleaned_data["udvalg_navn"].split())
