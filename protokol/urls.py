from django.contrib.auth.decorators import login_not_required
from django.urls import path

from protokol import feeds, views, views_offentlig, views_optag, views_underskrift

app_name = "protokol"

moede = "udvalg/<slug:slug>/moeder/<slug:moede>"
urlpatterns = [
    # What the public pages publish, as Atom feeds and calendars.
    path("dagsordener.atom", login_not_required(feeds.Dagsordener()), name="feed-dagsordener"),
    path("protokoller.atom", login_not_required(feeds.Protokoller()), name="feed-protokoller"),
    path(
        "udvalg/<slug:slug>/dagsordener.atom",
        login_not_required(feeds.Dagsordener()),
        name="udvalg-feed-dagsordener",
    ),
    path(
        "udvalg/<slug:slug>/protokoller.atom",
        login_not_required(feeds.Protokoller()),
        name="udvalg-feed-protokoller",
    ),
    path("kalender.ics", views_offentlig.kalender_alle, name="kalender"),
    path(
        "udvalg/<slug:slug>/kalender.ics", views_offentlig.kalender_udvalg, name="udvalg-kalender"
    ),
    path("udvalg/<slug:slug>/moeder/nyt/", views.moede_create, name="moede-create"),
    # One URL per meeting: the full version for its readers, the public one for everyone else.
    path(
        f"{moede}/",
        views_offentlig.medlem_eller_offentlig(views.moede_detail, views_offentlig.dagsorden),
        name="moede-detail",
    ),
    path(f"{moede}/rediger/", views.moede_update, name="moede-update"),
    path(f"{moede}/dagsorden/", views.dagsorden, name="dagsorden"),
    path(f"{moede}/frigiv/", views.moede_release, name="moede-release"),
    path(f"{moede}/afholdt/", views.moede_mark_held, name="moede-held"),
    path(
        f"{moede}/referat/",
        views_offentlig.medlem_eller_offentlig(views.referat, views_offentlig.referat),
        name="referat",
    ),
    path(
        f"{moede}/referat.pdf",
        views_offentlig.medlem_eller_offentlig(
            views_underskrift.referat_pdf, views_offentlig.referat_pdf
        ),
        name="referat-pdf",
    ),
    path(f"{moede}/referat/v<int:version>.pdf", views_underskrift.version_pdf, name="version-pdf"),
    path(
        f"{moede}/dagsorden.pdf",
        views_offentlig.medlem_eller_offentlig(
            views_underskrift.dagsorden_pdf, views_offentlig.dagsorden_pdf
        ),
        name="dagsorden-pdf",
    ),
    path(f"{moede}/underskrift/", views_underskrift.underskrift_list, name="underskrift"),
    path(
        f"{moede}/underskrift/send/",
        views_underskrift.referat_close_for_signing,
        name="til-underskrift",
    ),
    path(
        f"{moede}/underskrift/tilbagekald/",
        views_underskrift.referat_withdraw_from_signing,
        name="tilbagekald",
    ),
    path(f"{moede}/underskrift/paamind/", views_underskrift.referat_remind, name="paamind"),
    path(f"{moede}/underskrift/underskriv/", views_underskrift.referat_sign, name="underskriv"),
    path(f"{moede}/genaabn/", views_underskrift.referat_reopen, name="genaabn"),
    path(f"{moede}/referat/optag/", views_optag.referat_record, name="referat-optag"),
    path(f"{moede}/referat/fremmoede/", views_optag.fremmoede_save, name="fremmoede"),
    path("punkter/<int:pk>/optag/", views_optag.punkt_record, name="punkt-optag"),
    path(
        "punkter/<int:pk>/fravaer-kopier/",
        views_optag.punktfravaer_copy_to_all,
        name="fravaer-kopier",
    ),
    path(
        "punkter/<int:pk>/tidligere-beslutning/",
        views_optag.beslutning_add_earlier,
        name="tidligere-beslutning",
    ),
    path("personer/<int:pk>/", views_offentlig.person, name="person"),
    path(
        "sager/<int:pk>/",
        views_offentlig.medlem_eller_offentlig(views.sag_detail, views_offentlig.sag),
        name="sag-detail",
    ),
]
