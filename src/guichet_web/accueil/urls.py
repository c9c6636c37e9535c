"""The desk, under /accueil/: every view but the sign-in steps is behind staff_required."""

from django.urls import path

from .views import auth, desk, files, followup, partners, rights, simulation

app_name = "accueil"

urlpatterns = [
    path("connexion", auth.sign_in, name="connexion"),
    path("connexion/code", auth.verify_code, name="code"),
    path("connexion/premier-code", auth.setup_code, name="premier-code"),
    path("deconnexion", auth.sign_out, name="deconnexion"),
    path("", desk.home, name="bureau"),
    path("passages/nouveau", desk.record_visit, name="passage"),
    path("chiffres", desk.figures, name="chiffres"),
    path("personnes/", desk.file_list, name="personnes"),
    path("personnes/nouvelle", files.open_file, name="personne-nouvelle"),
    path("personnes/<int:pk>/", files.file_detail, name="personne"),
    path("personnes/<int:pk>/modifier", files.edit_file, name="personne-modifier"),
    path("personnes/<int:pk>/notes", files.add_note, name="note"),
    path(
        "personnes/<int:pk>/accords/<int:consent_pk>/retirer",
        files.withdraw_consent,
        name="accord-retirer",
    ),
    path("personnes/<int:pk>/journal", files.journal, name="journal"),
    path("personnes/<int:pk>/droit-d-acces", rights.held_page, name="droit-acces"),
    path("personnes/<int:pk>/export.json", rights.held_json, name="export"),
    path("personnes/<int:pk>/situation", simulation.situation, name="situation"),
    path("personnes/<int:pk>/simuler", simulation.simulate, name="simuler"),
    path("personnes/<int:pk>/code-de-reprise", simulation.resume_code, name="code-reprise"),
    path("personnes/<int:pk>/passage", followup.file_visit, name="passage-personne"),
    path("personnes/<int:pk>/demarches/ajouter", followup.follow, name="demarche-suivre"),
    path("demarches-suivies/<int:pk>/", followup.demarche_detail, name="demarche"),
    path("demarches-suivies/<int:pk>/pieces", followup.document_add, name="piece-ajouter"),
    path("pieces/<int:pk>", followup.document_toggle, name="piece"),
    path("personnes/<int:pk>/orienter", partners.refer, name="orienter"),
    path("orientations/", partners.referral_list, name="orientations"),
    path("orientations/<int:pk>/", partners.referral_detail, name="orientation"),
    path("personnes/<int:pk>/rendez-vous", partners.book, name="rendez-vous-prendre"),
    path("rendez-vous/<int:pk>/", partners.appointment_detail, name="rendez-vous"),
]

PUBLIC = frozenset({"connexion", "code", "premier-code", "deconnexion"})
