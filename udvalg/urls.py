from django.urls import path

from sager import views_optag
from udvalg import views

app_name = "udvalg"

moede = "<slug:slug>/moeder/<slug:moede>"
urlpatterns = [
    path("<slug:slug>/", views.udvalg_detail, name="udvalg-detail"),
    path("<slug:slug>/moeder/nyt/", views.moede_create, name="moede-create"),
    path(f"{moede}/", views.moede_detail, name="moede-detail"),
    path(f"{moede}/rediger/", views.moede_update, name="moede-update"),
    path(f"{moede}/dagsorden/", views.dagsorden, name="dagsorden"),
    path(f"{moede}/frigiv/", views.moede_release, name="moede-release"),
    path(f"{moede}/afholdt/", views.moede_mark_held, name="moede-held"),
    path(f"{moede}/referat/", views.referat, name="referat"),
    path(f"{moede}/referat/optag/", views_optag.referat_optag, name="referat-optag"),
    path(f"{moede}/referat/fremmoede/", views_optag.fremmoede_gem, name="fremmoede"),
]
