from django.urls import path

from udvalg import views_offentlig as views

app_name = "offentlig"

MOEDE = "<slug:slug>/moeder/<slug:moede>"

urlpatterns = [
    path("", views.forside, name="forside"),
    path("bilag/<int:pk>/", views.bilag, name="bilag"),
    path("<slug:slug>/", views.udvalg_detail, name="udvalg"),
    path("<slug:slug>/moeder/<slug:moede>/", views.dagsorden, name="dagsorden"),
    path("<slug:slug>/moeder/<slug:moede>/referat/", views.referat, name="referat"),
    path(
        "<slug:slug>/moeder/<slug:moede>/dagsorden.pdf", views.dagsorden_pdf, name="dagsorden-pdf"
    ),
    path("<slug:slug>/moeder/<slug:moede>/referat.pdf", views.referat_pdf, name="referat-pdf"),
]
