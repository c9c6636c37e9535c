"""Staff sign-in: Argon2, lockout (django-axes), TOTP second factor, session expiry, and
every desk page behind the door."""

from __future__ import annotations

import time

import pytest
from django.contrib import admin
from django.contrib.auth.hashers import identify_hasher
from django.urls import URLPattern, reverse
from django_otp import DEVICE_ID_SESSION_KEY

from guichet_web.accueil import models as accueil_models
from guichet_web.accueil import urls as accueil_urls
from guichet_web.accueil.choices import Role
from guichet_web.accueil.models import JournalEntry
from guichet_web.accueil.views.access import LOGIN_AT

from . import factories

PASSWORD = "correct cheval pile agrafe"


@pytest.fixture
def argon2(settings):
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]


@pytest.fixture
def member(db):
    return factories.staff(Role.RECEPTION, password=PASSWORD)


def sign_in_password(client, username, password=PASSWORD, address="127.0.0.1"):
    return client.post(
        reverse("accueil:connexion"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_passwords_are_hashed_with_argon2(argon2, db):
    user = factories.staff(password=PASSWORD)
    assert identify_hasher(user.password).algorithm == "argon2"


def test_the_settings_put_argon2_first():
    from guichet_web import settings as project_settings  # the tests here use MD5 for speed

    assert project_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


class TestTwoSteps:
    def test_password_then_code_opens_the_desk(self, client, member):
        device = factories.device(member)
        response = sign_in_password(client, member.username)
        assert response.status_code == 302 and response.url == reverse("accueil:code")
        # the password alone does not open the desk
        assert client.get("/accueil/").url == reverse("accueil:code")
        response = client.post(reverse("accueil:code"), {"token": factories.token(device)})
        assert response.status_code == 302 and response.url == "/accueil/"
        assert client.get("/accueil/").status_code == 200
        assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
        assert JournalEntry.objects.filter(actor=member.username, action="connexion").exists()

    def test_a_wrong_code_is_refused_in_plain_french(self, client, member):
        device = factories.device(member)
        sign_in_password(client, member.username)
        wrong = f"{(int(factories.token(device)) + 1) % 1000000:06d}"
        response = client.post(reverse("accueil:code"), {"token": wrong})
        assert response.status_code == 200
        assert "Ce code ne marche pas" in response.content.decode()
        assert client.get("/accueil/").status_code == 302

    def test_a_wrong_password_says_so(self, client, member):
        response = sign_in_password(client, member.username, "mauvais")
        assert response.status_code == 200
        assert "Identifiant ou mot de passe incorrect" in response.content.decode()

    def test_first_sign_in_sets_up_the_phone(self, client, member):
        sign_in_password(client, member.username)
        response = client.get(reverse("accueil:code"))
        assert response.url == reverse("accueil:premier-code")
        page = client.get(reverse("accueil:premier-code")).content.decode()
        assert 'src="data:image/svg+xml;base64,' in page
        device = member.totpdevice_set.get()
        assert not device.confirmed
        response = client.post(reverse("accueil:premier-code"), {"token": factories.token(device)})
        assert response.status_code == 302
        device.refresh_from_db()
        assert device.confirmed
        assert client.get("/accueil/").status_code == 200

    def test_setup_is_closed_once_a_phone_is_confirmed(self, client, member):
        factories.device(member)
        sign_in_password(client, member.username)
        assert client.get(reverse("accueil:premier-code")).url == reverse("accueil:code")

    def test_next_page_is_kept_through_both_steps(self, client, member):
        device = factories.device(member)
        response = client.get("/accueil/personnes/")
        assert response.url.startswith(reverse("accueil:connexion"))
        client.get(response.url)
        sign_in_password(client, member.username)
        response = client.post(reverse("accueil:code"), {"token": factories.token(device)})
        assert response.url == "/accueil/personnes/"


class TestLockout:
    def test_locked_after_five_failures_even_with_the_right_password(self, client, member):
        for _ in range(4):
            assert sign_in_password(client, member.username, "mauvais").status_code == 200
        response = sign_in_password(client, member.username, "mauvais")
        assert response.status_code == 429
        assert "Compte bloqué" in response.content.decode()
        response = sign_in_password(client, member.username)
        assert response.status_code == 429
        assert "_auth_user_id" not in client.session

    def test_a_success_resets_the_count(self, client, member):
        for _ in range(4):
            sign_in_password(client, member.username, "mauvais")
        assert sign_in_password(client, member.username).status_code == 302
        client.logout()
        assert sign_in_password(client, member.username, "mauvais").status_code == 200

    def test_an_account_guessed_from_many_addresses_is_locked_everywhere(self, client, member):
        """Axes locks per address (5); 20 wrong passwords from any addresses lock the account,
        even for the right password from a new address."""
        for n in range(4):
            for _ in range(5):
                sign_in_password(client, member.username, "mauvais", address=f"10.0.0.{n}")
        response = sign_in_password(client, member.username, address="10.9.9.9")
        assert response.status_code == 429
        assert "Compte bloqué" in response.content.decode() and "(20)" in response.content.decode()
        assert "_auth_user_id" not in client.session

    def test_fewer_wrong_passwords_from_several_addresses_do_not_lock(self, client, member):
        for n in range(4):
            for _ in range(4):
                sign_in_password(client, member.username, "mauvais", address=f"10.0.0.{n}")
        assert sign_in_password(client, member.username, address="10.9.9.9").status_code == 302


class TestSession:
    def test_idle_expiry_is_set_on_each_page(self, client, agent, settings):
        settings.GUICHET_ACCUEIL_IDLE_MINUTES = 12
        factories.sign_in(client, agent)
        client.get("/accueil/")
        assert client.session.get_expiry_age() == 12 * 60

    def test_a_session_older_than_a_working_day_is_closed(self, client, agent):
        factories.sign_in(client, agent)
        session = client.session
        session[LOGIN_AT] = int(time.time()) - 11 * 3600
        session.save()
        response = client.get("/accueil/")
        assert response.url.startswith(reverse("accueil:connexion"))
        assert "_auth_user_id" not in client.session

    def test_sign_out(self, client, agent):
        factories.sign_in(client, agent)
        client.post(reverse("accueil:deconnexion"))
        assert client.get("/accueil/").status_code == 302


def _desk_patterns():
    for pattern in accueil_urls.urlpatterns:
        assert isinstance(pattern, URLPattern)
        yield pattern


@pytest.mark.parametrize("pattern", list(_desk_patterns()), ids=lambda p: p.name)
def test_every_desk_page_needs_a_signed_in_staff_member(client, db, pattern):
    if pattern.name in accueil_urls.PUBLIC:
        return
    assert getattr(pattern.callback, "staff_required", False), pattern.name
    kwargs = {name: 1 for name in pattern.pattern.converters}
    url = reverse(f"accueil:{pattern.name}", kwargs=kwargs)
    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code in (302, 405), (pattern.name, response.status_code)
        if response.status_code == 302:
            assert response.url.startswith(reverse("accueil:connexion"))


def test_a_signed_in_account_without_staff_profile_is_refused(client, django_user_model):
    user = django_user_model.objects.create_user("sans-profil")
    factories.sign_in(client, user)
    assert client.get("/accueil/").status_code == 403


class TestAdmin:
    @pytest.fixture(autouse=True)
    def strict_templates(self):
        """Django's admin templates are not ours: default string_if_invalid."""

    def test_the_admin_needs_the_second_factor(self, client, django_user_model):
        boss = django_user_model.objects.create_superuser("chef", password=PASSWORD)
        client.force_login(boss)
        response = client.get("/admin/", follow=True)
        assert response.redirect_chain[-1][0].startswith(reverse("accueil:connexion"))
        factories.sign_in(client, boss)
        assert client.get("/admin/").status_code == 200
        assert client.get("/admin/auth/user/").status_code == 200

    def test_person_files_are_never_in_the_admin(self):
        registered = set(admin.site._registry)
        models = [getattr(accueil_models, name) for name in accueil_models.__all__]
        desk_models = [m for m in models if hasattr(m, "_meta")]
        assert desk_models and not registered & set(desk_models)
