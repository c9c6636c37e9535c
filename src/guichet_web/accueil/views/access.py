"""The door of every desk page: signed in, second factor passed, a staff profile, a live
session. Then each view asks the permission functions about the object it shows."""

from __future__ import annotations

import time
from functools import wraps

from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect

from .. import permissions
from ..conf import idle_seconds, max_session_seconds
from ..models import PersonFile

LOGIN_AT = "accueil_login_at"


def start_session(request) -> None:
    request.session[LOGIN_AT] = int(time.time())
    request.session.set_expiry(idle_seconds())


def _expired(request) -> bool:
    started = request.session.get(LOGIN_AT)
    return started is None or time.time() - started > max_session_seconds()


def staff_required(view):
    """Every page of the desk is behind this (tested over all its URLs)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path(), "accueil:connexion")
        if _expired(request):
            logout(request)
            return redirect_to_login(request.get_full_path(), "accueil:connexion")
        if not user.is_verified():
            return redirect("accueil:code")
        staff = permissions.profile(user)
        if staff is None:
            raise PermissionDenied
        request.session.set_expiry(idle_seconds())  # idle timeout, renewed at each page
        request.staff = staff
        return view(request, *args, **kwargs)

    wrapper.staff_required = True
    return wrapper


def check(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def person_file(pk: int) -> PersonFile:
    return get_object_or_404(PersonFile.objects.select_related("structure"), pk=pk)
