"""Kiosk mode (switched on per computer by the desk), the end of a visit, « Demander de
l'aide », and resume codes to continue on one's phone."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from guichet_web.accueil.client_ip import client_ip
from guichet_web.pages import recap

from . import services
from .forms import ActivationForm, DeactivationForm, ResumeForm
from .machine import forget_language, idle_minutes, mark_as_kiosk, may_configure, unmark
from .qr import qr_svg

CODE_SESSION = "code_reprise"
MAX_FAILED_CODES = 20  # per address and hour: codes cannot be guessed by trying many
FAILED_WINDOW = 60 * 60


@require_http_methods(["GET", "POST"])
def activate(request):
    form = ActivationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if may_configure(request, form.cleaned_data["jeton"]):
            response = redirect("pages:accueil")
            mark_as_kiosk(response, form.cleaned_data["nom"].strip())
            return response
        form.add_error("jeton", "Ce code n'est pas le bon. Demandez-le à l'équipe de l'accueil.")
    context = {
        "form": form,
        "deactivation": DeactivationForm(prefix="arret"),
        "idle_minutes": idle_minutes(),
    }
    return render(request, "kiosque/activer.html", context)


@require_POST
def deactivate(request):
    form = DeactivationForm(request.POST, prefix="arret")
    if form.is_valid() and may_configure(request, form.cleaned_data["jeton"]):
        request.session.flush()
        response = redirect("pages:accueil")
        unmark(response)
        return response
    form.add_error("jeton", "Ce code n'est pas le bon. Demandez-le à l'équipe de l'accueil.")
    context = {"form": ActivationForm(), "deactivation": form, "idle_minutes": idle_minutes()}
    return render(request, "kiosque/activer.html", context)


@require_http_methods(["GET", "POST"])
def finish(request):
    """« J'ai fini »: first a chance to keep the recap, then everything is erased.

    POST (the button, or the idle timer of kiosque.js) erases the visit at once; GET offers
    the recap when there is one, and otherwise erases what little is left. On a kiosk the
    language chosen goes too (the next person starts in the computer's language); the page
    that says « c'est fini » is still in the language of the person who finished.
    """
    if request.method == "POST":
        _erase(request)
        idle = request.POST.get("raison") == "inactivite"
        query = {"raison": "inactivite"} if idle else _language_query(request)
        url = reverse("kiosque:fin") + (f"?{urlencode(query)}" if query else "")
        response = redirect(url)
        if request.kiosk:
            forget_language(response)
        return response
    leaving = not recap.is_empty(request.session)
    if not leaving:
        _erase(request)
    context = {"idle": request.GET.get("raison") == "inactivite", "leaving": leaving}
    with translation.override(_farewell_language(request)):
        response = render(request, "kiosque/fin.html", context)
        response.headers.setdefault("Content-Language", translation.get_language())
    if not leaving:
        response["Clear-Site-Data"] = '"cache"'
        if request.kiosk:
            forget_language(response)
    return response


def _erase(request) -> None:
    if request.kiosk:
        services.cancel_help(request.kiosk)
    request.session.flush()


def _language_query(request) -> dict:
    """The language the visit was in, for the last page only, when one was chosen."""
    if not request.kiosk or not request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME):
        return {}
    return {"langue": translation.get_language()}


def _farewell_language(request) -> str:
    """The page's language; after « Tout effacer », the one of the visit just erased (the
    cookie is gone by now). A language chosen since, with the switch, wins."""
    asked = request.GET.get("langue", "")
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen or asked not in dict(settings.LANGUAGES):
        return translation.get_language()
    return asked


@require_http_methods(["GET", "POST"])
def help_request(request):
    if not request.kiosk:
        raise Http404("seulement sur les ordinateurs de l'accueil")
    if request.method == "POST":
        services.request_help(request.kiosk)
        return redirect("kiosque:aide")
    current = services.open_request(request.kiosk)
    context = {
        "help_request": current,
        "position": services.position_in_queue(current) if current else 0,
    }
    return render(request, "kiosque/aide.html", context)


@require_POST
def cancel_help(request):
    if request.kiosk:
        services.cancel_help(request.kiosk)
    return redirect("pages:accueil")


@require_http_methods(["GET", "POST"])
def resume_code(request):
    """POST: a new code for the recap of this visit; GET: the code, to copy."""
    if request.method == "POST":
        if recap.is_empty(request.session):
            return redirect("pages:recapitulatif")
        code = services.create_resume_code(recap.payload(request.session))
        request.session[CODE_SESSION] = {
            "code": code.code,
            "expire": code.expires_at.date().isoformat(),
        }
        return redirect("kiosque:code")
    stored = request.session.get(CODE_SESSION)
    if not stored:
        return redirect("pages:recapitulatif")
    code = services.display_code(stored["code"])
    resume_url = request.build_absolute_uri(reverse("kiosque:reprendre"))
    context = {
        "code": code,
        "expires": dt.date.fromisoformat(stored["expire"]),
        "resume_url": resume_url,
        "qr": qr_svg(
            f"{resume_url}?{urlencode({'code': code})}", gettext("Code QR pour reprendre")
        ),
    }
    return render(request, "kiosque/code.html", context)


def _client_key(request) -> str:
    """Wrong codes are counted per address: the person's, also behind the reverse proxies
    of GUICHET_TRUSTED_PROXIES (else one person's guesses would block everyone)."""
    return f"kiosque:essais:{client_ip(request) or ''}"


@require_http_methods(["GET", "POST"])
def resume(request):
    """/reprendre: the recap made elsewhere, found again with its code."""
    # The QR code's address brings the code along: the field is filled in, not sent.
    initial = {"code": request.GET.get("code", "")[:20]}
    form = ResumeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        failures = cache.get(_client_key(request), 0)
        data = services.redeem(form.cleaned_data["code"]) if failures < MAX_FAILED_CODES else None
        if data is not None:
            recap.restore(request.session, data)
            return redirect("pages:recapitulatif")
        cache.set(_client_key(request), failures + 1, FAILED_WINDOW)
        form.add_error(
            "code",
            gettext(
                "Ce code n'existe pas ou n'est plus valable (il dure 7 jours). Vérifiez chaque "
                "lettre, ou demandez à l'accueil."
            ),
        )
    return render(request, "kiosque/reprendre.html", {"form": form})
