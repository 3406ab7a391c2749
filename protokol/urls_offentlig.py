"""The public pages (KSL §§ 8, 20): released agendas and signed protocols, without a log-in."""

from django.urls import path

from protokol import views_offentlig as views

app_name = "offentlig"

MOEDE = "<slug:slug>/moeder/<slug:moede>"

urlpatterns = [
    path("", views.forside, name="forside"),
    path("bilag/<int:pk>/", views.bilag, name="bilag"),
    path("<slug:slug>/", views.udvalg_detail, name="udvalg"),
    # A meeting's public pages are at its one URL (protokol.urls); the old links redirect.
    path(f"{MOEDE}/", views.til_moedets_url("moede-detail"), name="dagsorden"),
    path(f"{MOEDE}/referat/", views.til_moedets_url("referat"), name="referat"),
    path(f"{MOEDE}/dagsorden.pdf", views.til_moedets_url("dagsorden-pdf"), name="dagsorden-pdf"),
    path(f"{MOEDE}/referat.pdf", views.til_moedets_url("referat-pdf"), name="referat-pdf"),
]
