from django.urls import path

from udvalg import views

app_name = "udvalg"

urlpatterns = [
    path("<slug:slug>/", views.udvalg_detail, name="udvalg-detail"),
]
