"""The address a staff sign-in comes from, for django-axes (AXES_CLIENT_IP_CALLABLE).

The lockout counts failures per username and address (settings.AXES_LOCKOUT_PARAMETERS),
so the address must be the person's, and must not be something the person can choose.

- ``GUICHET_TRUSTED_PROXIES = 0`` (default, the app reached directly): REMOTE_ADDR, the
  address of the TCP connection. X-Forwarded-For is ignored: anyone can send one, and a new
  made-up address at each try would escape the lockout.
- ``GUICHET_TRUSTED_PROXIES = N`` (N reverse proxies in front, each appending the address it
  received to X-Forwarded-For, as nginx's ``$proxy_add_x_forwarded_for`` does): the N-th
  address from the right, the one the outermost proxy saw. Addresses further left were
  written by the client and are ignored. Without this, every sign-in would come from the
  proxy's address, the sign-in logs would not say who tried, and any other lockout
  parameter than the username would lock all the staff together.

A header with fewer than N addresses, or a malformed one, did not come through the proxies
as configured: REMOTE_ADDR then.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


def _address(text: str) -> str | None:
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    proxies = int(getattr(settings, "GUICHET_TRUSTED_PROXIES", 0))
    if proxies <= 0:
        return remote
    forwarded = [
        part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
    ]
    if len(forwarded) < proxies:
        return remote
    return _address(forwarded[-proxies]) or remote
