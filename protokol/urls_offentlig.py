"""The public pages (KSL §§ 8, 20): released agendas and signed protocols, without a log-in."""

from django.urls import path

from protokol import views_offentlig as views

app_name = "offentlig"

MOEDE = "<slug:slug>/moeder/<slug:moede>"

urlpatterns = [
    path("", views.forside, name="forside"),
    path("bilag/<int:pk>/", views.bilag, name="bilag"),
    path("<slug:slug>/", views.udvalg_detail, name="udvalg"),
    path(f"{MOEDE}/", views.dagsorden, name="dagsorden"),
    path(f"{MOEDE}/referat/", views.referat, name="referat"),
    path(f"{MOEDE}/dagsorden.pdf", views.dagsorden_pdf, name="dagsorden-pdf"),
    path(f"{MOEDE}/referat.pdf", views.referat_pdf, name="referat-pdf"),
]
