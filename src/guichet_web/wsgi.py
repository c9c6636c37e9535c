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
    _warm_up_pages()


def _warm_up_pages() -> None:
    """Import every view and compile every template of the project once, in the master.

    Otherwise each worker pays it on its first pages (about 0.5 s measured with
    bench/web_bench.py). Nothing touches the database here: no connection is shared
    by the forked workers.
    """
    from pathlib import Path

    from django.template import engines
    from django.template.loader import get_template
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 — imports every view module
    project = Path(__file__).resolve().parent
    for folder in engines["django"].template_dirs:
        folder = Path(folder)
        if project not in folder.parents:
            continue  # les gabarits de Django et de l'administration restent paresseux
        for template in sorted(folder.rglob("*.html")):
            get_template(template.relative_to(folder).as_posix())


warm_up()
