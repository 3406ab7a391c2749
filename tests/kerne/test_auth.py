"""kerne.auth.ModelBackend: Django's answers from fewer, plainer queries."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _perm(codename: str) -> Permission:
    return Permission.objects.get(codename=codename)


def test_own_and_group_permissions_in_one_query(django_assert_num_queries):
    user = get_user_model().objects.create_user("perm-bruger", password="x")
    user.user_permissions.add(_perm("view_lukket_punkt"))
    group = Group.objects.create(name="Revision")
    group.permissions.add(_perm("reopen_protokol"))
    user.groups.add(group)
    fresh = get_user_model().objects.get(pk=user.pk)
    with django_assert_num_queries(1):
        assert fresh.has_perm("sager.view_lukket_punkt")
        assert fresh.has_perm("udvalg.reopen_protokol")
        assert not fresh.has_perm("sager.add_sag")
        assert fresh.get_user_permissions() == {"sager.view_lukket_punkt"}
        assert fresh.get_group_permissions() == {"udvalg.reopen_protokol"}


def test_inactive_user_and_superuser_as_django():
    users = get_user_model().objects
    inactive = users.create_user("inaktiv", password="x", is_active=False)
    inactive.user_permissions.add(_perm("view_lukket_punkt"))
    assert not users.get(pk=inactive.pk).has_perm("sager.view_lukket_punkt")
    admin = users.create_superuser("admin-perm", password="x")
    assert users.get(pk=admin.pk).has_perm("sager.add_sag")


def test_logged_in_session_loads_the_user_and_a_deactivated_user_is_logged_out():
    user = get_user_model().objects.create_user("sessionsbruger", password="x")
    client = Client()
    client.force_login(user)
    forside = reverse("forside")
    assert client.get(forside).wsgi_request.user.pk == user.pk
    user.is_active = False
    user.save()
    assert not client.get(forside).wsgi_request.user.is_authenticated
