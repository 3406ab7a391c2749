from django.urls import path

from sager import views

app_name = "sager"

moede = "udvalg/<slug:slug>/moeder/<slug:moede>"
urlpatterns = [
    path(f"{moede}/punkter/nyt/", views.punkt_create, name="punkt-create"),
    path(f"{moede}/raekkefoelge/", views.punkt_reorder, name="punkt-reorder"),
    path("punkter/<int:pk>/rediger/", views.punkt_update, name="punkt-update"),
    path("punkter/<int:pk>/flyt/", views.punkt_move, name="punkt-move"),
    path("punkter/<int:pk>/slet/", views.punkt_delete, name="punkt-delete"),
    path("punkter/<int:pk>/historik/", views.punkt_history, name="punkt-history"),
    path("punkter/<int:pk>/bilag/nyt/", views.bilag_create, name="bilag-create"),
    path("bilag/<int:pk>/", views.bilag_download, name="bilag-download"),
    path("bilag/<int:pk>/rediger/", views.bilag_update, name="bilag-update"),
    path("bilag/<int:pk>/flyt/", views.bilag_move, name="bilag-move"),
    path("bilag/<int:pk>/slet/", views.bilag_delete, name="bilag-delete"),
    path("sager/", views.sag_list, name="sag-list"),
]
