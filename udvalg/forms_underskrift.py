from django import forms


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


class GenaabningForm(forms.Form):
    begrundelse = forms.CharField(
        label="Begrundelse for genåbning",
        help_text="Gemmes i loggen sammen med dit navn og tidspunktet.",
        widget=forms.Textarea(attrs={"class": "form-input input-width-xl", "rows": 3}),
        error_messages={"required": "Skriv hvorfor protokollen genåbnes."},
    )
