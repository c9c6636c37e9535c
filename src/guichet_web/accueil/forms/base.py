"""What every form of the desk shares."""

from __future__ import annotations

from django import forms

CHOICE_FIELDS = (forms.ChoiceField, forms.ModelChoiceField)  # les choix multiples en héritent


class DeskForm(forms.Form):
    """A choice that is not, or no longer, in its list (a partner removed since the page was
    opened, a tampered page) gets a plain message naming the field, instead of Django's
    « Sélectionnez un choix valide… » that names neither."""

    def full_clean(self):
        for field in self.fields.values():  # à la validation : les champs ajoutés après __init__
            if isinstance(field, CHOICE_FIELDS):
                label = str(field.label or "ce champ").replace("%", "%%")
                field.error_messages["invalid_choice"] = (
                    f"Ce choix n'est plus dans la liste « {label} » : choisissez à nouveau."
                )
        super().full_clean()
