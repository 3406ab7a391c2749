"""The site map. Each app's urls.py holds the pages its views serve (the URL namespace is the
app: "protokol:referat" is served by protokol.views_underskrift); the public pages are the
"offentlig" namespace of the protokol app."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from kerne import views as kerne_views
from udvalg import views as udvalg_views

admin.site.site_header = "Protokol – administration"
admin.site.site_title = "Protokol"


def _administrators_only(request) -> bool:
    """The Django admin shows every row of every committee, closed items included; it is for
    administrators (superusers) only. Everyone else works through the pages, which apply the
    visibility rules (udvalg.permissions)."""
    return request.user.is_active and request.user.is_superuser


admin.site.has_permission = _administrators_only

urlpatterns = [
    path("", udvalg_views.forside, name="forside"),
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="registration/login.html"),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("tilgaengelighed/", kerne_views.tilgaengelighed, name="tilgaengelighed"),
    path("admin/", admin.site.urls),
    path("udvalg/", include("udvalg.urls")),
    path("offentlig/", include("protokol.urls_offentlig")),
    path("budget/", include("budget.urls")),
    path("", include("portal.urls")),
    path("", include("protokol.urls")),
    path("", include("sager.urls")),
    path("", include("referatimport.urls")),
]
if settings.PROTOKOL_BENCH:
    # make bench's hello-world view; not served otherwise.
    urlpatterns.insert(0, path("_bench/hej/", kerne_views.hej, name="bench-hej"))
