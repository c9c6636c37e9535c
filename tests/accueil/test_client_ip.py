"""The address django-axes counts sign-in failures from (GUICHET_TRUSTED_PROXIES).

Without a proxy, X-Forwarded-For is ignored: a new made-up address at each try does not
escape the lockout. Behind N proxies, the address the outermost proxy saw is used: one
person's failures do not lock the same account for the colleague at another desk, and what
the client writes in the header itself is ignored."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory
from django.urls import reverse

from guichet_web import settings as project_settings
from guichet_web.accueil.choices import Role
from guichet_web.accueil.client_ip import client_ip

from . import factories

PASSWORD = "correct cheval pile agrafe"
PROXY = "10.0.0.2"


def request(forwarded: str | None = None, remote: str = PROXY):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/accueil/connexion", **headers)


class TestTheAddress:
    def test_without_proxy_the_header_is_ignored(self, settings):
        settings.GUICHET_TRUSTED_PROXIES = 0
        assert client_ip(request("198.51.100.9", remote="203.0.113.5")) == "203.0.113.5"

    @pytest.mark.parametrize(
        ("proxies", "forwarded", "expected"),
        [
            (1, "203.0.113.5", "203.0.113.5"),
            # the client wrote the first one itself; the proxy appended the real one
            (1, "198.51.100.9, 203.0.113.5", "203.0.113.5"),
            (1, "1.2.3.4,5.6.7.8 , 203.0.113.5", "203.0.113.5"),
            # two proxies (a CDN, then nginx): the address the outer one saw
            (2, "198.51.100.9, 203.0.113.5, 192.0.2.1", "203.0.113.5"),
            (1, "2001:db8::1", "2001:db8::1"),
            # not through the proxies as configured, or malformed: the connection's address
            (2, "203.0.113.5", PROXY),
            (1, "", PROXY),
            (1, "pas-une-adresse", PROXY),
            (1, "203.0.113.5:4711", PROXY),
        ],
    )
    def test_behind_proxies(self, settings, proxies, forwarded, expected):
        settings.GUICHET_TRUSTED_PROXIES = proxies
        assert client_ip(request(forwarded)) == expected

    def test_no_header_at_all(self, settings):
        settings.GUICHET_TRUSTED_PROXIES = 1
        assert client_ip(request()) == PROXY

    def test_axes_uses_it(self):
        from django.conf import settings

        assert settings.AXES_CLIENT_IP_CALLABLE == "guichet_web.accueil.client_ip.client_ip"
        assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


class TestTheSetting:
    def test_default_is_no_proxy(self, monkeypatch):
        monkeypatch.delenv("GUICHET_TRUSTED_PROXIES", raising=False)
        assert project_settings._count("GUICHET_TRUSTED_PROXIES") == 0

    def test_from_the_environment(self, monkeypatch):
        monkeypatch.setenv("GUICHET_TRUSTED_PROXIES", " 2 ")
        assert project_settings._count("GUICHET_TRUSTED_PROXIES") == 2

    @pytest.mark.parametrize("value", ["oui", "-1", "1.5"])
    def test_a_wrong_value_is_said_in_french(self, monkeypatch, value):
        monkeypatch.setenv("GUICHET_TRUSTED_PROXIES", value)
        with pytest.raises(ImproperlyConfigured, match="un nombre entier"):
            project_settings._count("GUICHET_TRUSTED_PROXIES")


@pytest.fixture
def member(db):
    return factories.staff(Role.RECEPTION, password=PASSWORD)


def sign_in(client, username, password, forwarded, remote=PROXY):
    return client.post(
        reverse("accueil:connexion"),
        {"username": username, "password": password},
        REMOTE_ADDR=remote,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


class TestLockout:
    def test_a_made_up_header_does_not_escape_the_lockout(self, client, member, settings):
        settings.GUICHET_TRUSTED_PROXIES = 0
        for n in range(5):
            sign_in(client, member.username, "mauvais", f"198.51.100.{n}", remote="203.0.113.5")
        response = sign_in(client, member.username, PASSWORD, "192.0.2.77", remote="203.0.113.5")
        assert response.status_code == 429

    def test_behind_the_proxy_a_colleague_elsewhere_is_not_locked(self, client, member, settings):
        settings.GUICHET_TRUSTED_PROXIES = 1
        for _ in range(5):
            sign_in(client, member.username, "mauvais", "203.0.113.5")
        assert sign_in(client, member.username, PASSWORD, "203.0.113.5").status_code == 429
        # the same tries, with an address written in front by the client: still locked
        spoofed = sign_in(client, member.username, PASSWORD, "192.0.2.8, 203.0.113.5")
        assert spoofed.status_code == 429
        other_desk = type(client)()
        response = sign_in(other_desk, member.username, PASSWORD, "198.51.100.20")
        assert response.status_code == 302  # same proxy, another person: not locked

    def test_the_sign_in_log_keeps_the_real_address(self, client, member, settings):
        from axes.models import AccessLog

        settings.GUICHET_TRUSTED_PROXIES = 1
        sign_in(client, member.username, PASSWORD, "198.51.100.20")
        assert AccessLog.objects.get().ip_address == "198.51.100.20"
