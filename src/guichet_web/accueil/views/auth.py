"""Signing in to the desk: password (Argon2, django-axes lockout), then a TOTP code."""

from __future__ import annotations

import base64
from io import BytesIO

import qrcode
from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from qrcode.image.svg import SvgPathImage

from ..account_guard import ACCOUNT_FAILURE_LIMIT, account_locked
from ..forms.auth import LoginForm, TokenForm
from ..services.base import record
from .access import start_session

NEXT = "accueil_next"


def _next_url(request) -> str:
    target = request.session.get(NEXT) or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return "/accueil/"


@never_cache
@require_http_methods(["GET", "POST"])
def sign_in(request):
    if request.GET.get("next"):
        request.session[NEXT] = request.GET["next"]
    form = LoginForm(request.POST or None)
    failed = False
    if request.method == "POST" and form.is_valid():
        if account_locked(form.cleaned_data["username"]):
            context = {"failure_limit": ACCOUNT_FAILURE_LIMIT}
            return render(request, settings.AXES_LOCKOUT_TEMPLATE, context, status=429)
        user = authenticate(
            request,
            username=form.cleaned_data["username"],
            password=form.cleaned_data["password"],
        )
        if user is not None:
            target = request.session.get(NEXT)
            login(request, user)
            if target:
                request.session[NEXT] = target
            start_session(request)
            return redirect("accueil:code")
        failed = True
    return render(request, "accueil/connexion.html", {"form": form, "failed": failed})


def _confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


@never_cache
@login_required(login_url="accueil:connexion")
@require_http_methods(["GET", "POST"])
def verify_code(request):
    if request.user.is_verified():
        return redirect(_next_url(request))
    device = _confirmed_device(request.user)
    if device is None:
        return redirect("accueil:premier-code")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            otp_login(request, device)
            record(request.user, "connexion")
            return redirect(_next_url(request))
        form.add_error("token", "Ce code ne marche pas. Attendez le code suivant et réessayez.")
    return render(request, "accueil/code.html", {"form": form})


def _qr_data_uri(url: str) -> str:
    buffer = BytesIO()
    qrcode.make(url, image_factory=SvgPathImage).save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def _spaced(key: str) -> str:
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


@never_cache
@login_required(login_url="accueil:connexion")
@require_http_methods(["GET", "POST"])
def setup_code(request):
    """First sign-in: the phone app scans the QR code (or the key is typed), then one code
    proves it works. Only for an account that has no confirmed device yet."""
    if _confirmed_device(request.user) is not None:
        return redirect("accueil:code")
    device, _ = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "téléphone"}
    )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            record(request.user, "code.active")
            return redirect(_next_url(request))
        form.add_error("token", "Ce code ne marche pas. Vérifiez l'heure du téléphone.")
    key = base64.b32encode(device.bin_key).decode()
    context = {"form": form, "qr": _qr_data_uri(device.config_url), "key": _spaced(key)}
    return render(request, "accueil/premier_code.html", context)


@require_POST
def sign_out(request):
    if request.user.is_authenticated:
        record(request.user, "deconnexion")
    logout(request)
    return redirect("accueil:connexion")
