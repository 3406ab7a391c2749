from django import forms

from udvalg.models import Moede

DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%d-%m-%y"]
TIME_FORMATS = ["%H:%M", "%H.%M", "%H:%M:%S", "%H"]


class MoedeForm(forms.ModelForm):
    dato = forms.DateField(
        label="Mødedato",
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date", "class": "form-input"}, format="%Y-%m-%d"),
        help_text="Fx 12-03-2014.",
        error_messages={
            "required": "Angiv mødedatoen.",
            "invalid": "Datoen kan ikke læses. Skriv den som dd-mm-åååå, fx 12-03-2014.",
        },
    )
    starttid = forms.TimeField(
        label="Starttidspunkt",
        required=False,
        input_formats=TIME_FORMATS,
        widget=forms.TimeInput(attrs={"type": "time", "class": "form-input"}, format="%H:%M"),
        help_text="Fx 7:30. Kan udfyldes senere.",
        error_messages={"invalid": "Tidspunktet kan ikke læses. Skriv det som tt:mm, fx 7:30."},
    )

    class Meta:
        model = Moede
        fields = ["dato", "starttid", "sted"]
        widgets = {"sted": forms.TextInput(attrs={"class": "form-input"})}
        help_texts = {"sted": "Fx Allerød Rådhus, mødelokale 1. Kan udfyldes senere."}
