from django.urls import path

from . import views

app_name = "budget"

runde = "<slug:slug>"
forslag = f"{runde}/forslag/<str:noegle>"
urlpatterns = [
    path("", views.runde_list, name="runde-list"),
    path(f"{runde}/", views.katalog, name="katalog"),
    path(f"{runde}/katalog.csv", views.katalog_csv, name="katalog-csv"),
    path(f"{runde}/katalog.xlsx", views.katalog_xlsx, name="katalog-xlsx"),
    path(f"{runde}/katalog.pdf", views.katalog_pdf, name="katalog-pdf"),
    path(f"{runde}/oversigt/", views.oversigt, name="oversigt"),
    path(f"{runde}/oversigt.csv", views.oversigt_csv, name="oversigt-csv"),
    path(f"{runde}/oversigt.xlsx", views.oversigt_xlsx, name="oversigt-xlsx"),
    path(f"{runde}/forslag/nyt/", views.forslag_create, name="forslag-create"),
    path(f"{forslag}/", views.forslag_detail, name="forslag-detail"),
    path(f"{forslag}/rediger/", views.forslag_update, name="forslag-update"),
    path(f"{forslag}/vedlaeg/", views.forslag_attach, name="forslag-attach"),
    path(f"{forslag}/fjern/", views.forslag_detach, name="forslag-detach"),
]
