"""Kiosk mode: on a free-access computer, nothing outlives the visit.

Every response is `Cache-Control: no-store` (no page kept in the browser's cache or
back-forward cache), and a session idle for GUICHET_KIOSK_IDLE_MINUTES is cleared, with
the language chosen, before the next page is shown — also when the page's own timer
(kiosque.js) could not run.
"""

from __future__ import annotations

import time

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control

from .machine import forget_language, idle_seconds, kiosk_name

LAST_SEEN = "kiosque_vu"
EXEMPT = ("/kiosque/", "/static/", "/admin/", "/accueil/")


class KioskMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.kiosk = kiosk_name(request)
        if request.kiosk and not request.path.startswith(EXEMPT):
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN)
            if last_seen is not None and now - last_seen > idle_seconds():
                request.session.flush()
                response = redirect(f"{reverse('kiosque:fin')}?raison=inactivite")
                forget_language(response)
                patch_cache_control(response, no_store=True, no_cache=True, max_age=0)
                return response
            request.session[LAST_SEEN] = now
        response = self.get_response(request)
        if request.kiosk:
            patch_cache_control(response, no_store=True, no_cache=True, max_age=0)
        return response
