from django import forms

from portal.models import Emne


class AbonnerForm(forms.Form):
    email = forms.EmailField(
        label="Din e-mailadresse",
        max_length=254,
        error_messages={
            "required": "Skriv din e-mailadresse.",
            "invalid": "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.",
        },
        widget=forms.EmailInput(attrs={"class": "form-input", "autocomplete": "email"}),
    )
    emne = forms.ChoiceField(choices=Emne.choices, widget=forms.HiddenInput)
    udvalg = forms.IntegerField(required=False, widget=forms.HiddenInput)
    sag = forms.IntegerField(required=False, widget=forms.HiddenInput)
    q = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)
