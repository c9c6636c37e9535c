"""Shared test settings: a template that uses an unknown variable fails the test."""

from __future__ import annotations

import pytest
from django.template import TemplateSyntaxError


class InvalidTemplateVariable(str):
    """Set as `string_if_invalid`: Django formats it with the unknown name, and we raise.

    Django checks `"%s" in string_if_invalid`, then renders `string_if_invalid % name`
    (docs: « How invalid variables are handled »).
    """

    def __mod__(self, name):
        raise TemplateSyntaxError(f"variable de gabarit inconnue : {name!r}")


@pytest.fixture(autouse=True)
def strict_templates(settings):
    """Unknown template variables raise (a test may override this fixture, e.g. for the admin)."""
    settings.TEMPLATES = [
        {
            **settings.TEMPLATES[0],
            "OPTIONS": {
                **settings.TEMPLATES[0]["OPTIONS"],
                "string_if_invalid": InvalidTemplateVariable("%s"),
            },
        }
    ]


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    """Static files need no `collectstatic` in tests (production uses the manifest)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
