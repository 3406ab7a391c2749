from django.urls import path

from sager import views_optag
from udvalg import views, views_underskrift

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
    path(f"{moede}/referat.pdf", views_underskrift.referat_pdf, name="referat-pdf"),
    path(f"{moede}/referat/v<int:version>.pdf", views_underskrift.version_pdf, name="version-pdf"),
    path(f"{moede}/dagsorden.pdf", views_underskrift.dagsorden_pdf, name="dagsorden-pdf"),
    path(f"{moede}/underskrift/", views_underskrift.underskrift, name="underskrift"),
    path(
        f"{moede}/underskrift/send/", views_underskrift.send_til_underskrift, name="til-underskrift"
    ),
    path(f"{moede}/underskrift/tilbagekald/", views_underskrift.tilbagekald, name="tilbagekald"),
    path(f"{moede}/underskrift/paamind/", views_underskrift.paamind, name="paamind"),
    path(f"{moede}/underskrift/underskriv/", views_underskrift.underskriv, name="underskriv"),
    path(f"{moede}/genaabn/", views_underskrift.genaabn, name="genaabn"),
    path(f"{moede}/referat/optag/", views_optag.referat_optag, name="referat-optag"),
    path(f"{moede}/referat/fremmoede/", views_optag.fremmoede_gem, name="fremmoede"),
]
