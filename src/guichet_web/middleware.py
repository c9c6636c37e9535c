"""A Content-Security-Policy header on every response (no third-party resource anywhere)."""

from __future__ import annotations

from django.conf import settings


class ContentSecurityPolicyMiddleware:
    """Adds settings.CONTENT_SECURITY_POLICY. The admin keeps Django's inline styles."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = settings.CONTENT_SECURITY_POLICY
        if request.path.startswith("/admin/"):
            policy += "; style-src 'self' 'unsafe-inline'"
        response.headers.setdefault("Content-Security-Policy", policy)
        return response
