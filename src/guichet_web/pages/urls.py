from django.urls import path

from .views import catalogue, needs, places, questionnaire, recap, rights

app_name = "pages"

urlpatterns = [
    path("", needs.home, name="accueil"),
    path("besoin", needs.need, name="besoin"),
    path("demarches/", catalogue.demarche_list, name="demarches"),
    path("demarches/<slug:demarche_id>", catalogue.demarche_detail, name="demarche"),
    path("lieux/", places.place_list, name="lieux"),
    path("lieux/<slug:slug>", places.place_detail, name="lieu"),
    path("mes-droits/", questionnaire.start, name="droits"),
    path("mes-droits/question/<slug:step_id>", questionnaire.question, name="droits-question"),
    path("mes-droits/verifier", questionnaire.review, name="droits-verifier"),
    path("mes-droits/expert", rights.rights_form, name="droits-expert"),
    path("mes-droits/resultats", rights.rights_results, name="droits-resultats"),
    path("mes-droits/effacer", rights.rights_clear, name="droits-effacer"),
    path("recapitulatif", recap.recap_page, name="recapitulatif"),
    path("recapitulatif.pdf", recap.recap_download, name="recapitulatif-pdf"),
    path("recapitulatif/effacer", recap.recap_clear, name="recapitulatif-effacer"),
]
