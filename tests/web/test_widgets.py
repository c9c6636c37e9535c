"""The widgets written in Python give the HTML of Django's widget templates, exactly."""

import pytest
from django.forms import widgets as django_widgets

from guichet_web.pages import widgets
from guichet_web.pages.rights import RightsForm
from guichet_web.pages.templatetags.guichet import field_widget
from tests.web.test_rights import VALID

TYPED = {
    **VALID,
    "demandeur_age": "<script>alert('x')</script> & \"35\"",  # escaped, with its error
    "demandeur_activite": "etudiant",
    "demandeur_etablissement": "public",
    "demandeur_gir": "9",  # not a choice: an error on a select
    "conjoint_enceinte": "on",
    "demandeur_cej": "on",
    "pension_payee": "non",
}


def _rendered(form) -> list[str]:
    return [str(field_widget(bound)) for bound in form]


@pytest.mark.parametrize("data", [None, VALID, TYPED], ids=["vide", "valide", "erreurs"])
def test_our_widgets_write_what_django_s_templates_write(monkeypatch, data):
    form = RightsForm(data)
    if data is not None:
        form.is_valid()
    ours = _rendered(form)
    for widget in (widgets.TextInput, widgets.CheckboxInput, widgets.Select):
        monkeypatch.setattr(widget, "_render", django_widgets.Widget._render)
    theirs = _rendered(form)
    assert len(ours) == len(form.fields)
    for mine, django_s in zip(ours, theirs, strict=True):
        assert mine == django_s
    page = "".join(ours)
    assert " selected" in page
    if data is TYPED:  # what was typed comes back escaped, errors tied to their field
        assert "<script>" not in page and "&lt;script&gt;" in page
        assert 'aria-invalid="true"' in page and " checked" in page
