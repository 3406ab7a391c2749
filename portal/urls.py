from django.contrib.auth.decorators import login_not_required
from django.urls import path

from portal import feeds, views

app_name = "portal"

urlpatterns = [
    path("soeg/", views.soeg, name="soeg"),
    path("soeg/feed.atom", login_not_required(feeds.Soegning()), name="feed-soegning"),
    path("abonnement/", views.abonner, name="abonner"),
    path(
        "abonnement/<str:noegle>/bekraeft/",
        views.abonnement_bekraeft,
        name="abonnement-bekraeft",
    ),
    path("abonnement/<str:noegle>/afmeld/", views.abonnement_afmeld, name="abonnement-afmeld"),
    path("sager/<int:pk>/feed.atom", login_not_required(feeds.Sag()), name="feed-sag"),
]
