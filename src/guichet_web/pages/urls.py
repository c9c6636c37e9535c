from django.urls import path

from .views import catalogue, needs, places, rights

app_name = "pages"

urlpatterns = [
    path("", needs.home, name="accueil"),
    path("besoin", needs.need, name="besoin"),
    path("demarches/", catalogue.demarche_list, name="demarches"),
    path("demarches/<slug:demarche_id>", catalogue.demarche_detail, name="demarche"),
    path("lieux/", places.place_list, name="lieux"),
    path("lieux/<slug:slug>", places.place_detail, name="lieu"),
    path("mes-droits/", rights.rights_form, name="droits"),
    path("mes-droits/resultats", rights.rights_results, name="droits-resultats"),
    path("mes-droits/effacer", rights.rights_clear, name="droits-effacer"),
]
