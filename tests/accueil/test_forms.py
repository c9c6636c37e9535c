"""The desk's forms speak plainly when a choice is not in its list."""

from __future__ import annotations

import pytest

from guichet_web.accueil.forms.activity import ReferralForm, StatusForm, VisitForm

pytestmark = pytest.mark.django_db


def test_a_choice_not_in_the_list_names_its_field():
    form = VisitForm(data={"channel": "pigeon"})
    assert not form.is_valid()
    assert form.errors["channel"] == [
        "Ce choix n'est plus dans la liste « Comment la personne est venue » : "
        "choisissez à nouveau."
    ]
    status = StatusForm(data={"status": "inconnu"})
    assert not status.is_valid()
    assert "« Où en est la démarche »" in status.errors["status"][0]


def test_a_partner_removed_since_the_page_was_opened():
    form = ReferralForm(data={"to_structure": "n-existe-plus"}, own_structure_id="ici")
    assert not form.is_valid()
    assert form.errors["to_structure"] == [
        "Ce choix n'est plus dans la liste « Partenaire » : choisissez à nouveau."
    ]
