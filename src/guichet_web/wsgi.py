"""WSGI entry point. `gunicorn --preload` imports it once in the master process, so the
engines are warmed up here, before the workers fork and share them."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guichet_web.settings")

application = get_wsgi_application()


def warm_up() -> None:
    """Build the tax-benefit system, the need matcher (with its embedding model) and the
    catalogue before serving, so that no person waits for a cold start."""
    from guichet.catalogue import load_catalogue
    from guichet.letters import warm_up as warm_up_letters
    from guichet.matching import warm_up as warm_up_matcher
    from guichet.simulator import warm_up as warm_up_simulator

    load_catalogue()
    warm_up_matcher()
    warm_up_simulator()
    warm_up_letters()


warm_up()
