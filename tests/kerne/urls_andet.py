"""Another URL configuration, for tests/kerne/test_jinja.py."""

from django.http import HttpResponse
from django.urls import include, path


def _bilag(request, pk):
    return HttpResponse(str(pk))


sager = ([path("bilag/<int:pk>/", _bilag, name="bilag-download")], "sager")
urlpatterns = [path("andet/", include(sager))]
