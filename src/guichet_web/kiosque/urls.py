from django.urls import path

from . import desk, views

app_name = "kiosque"

urlpatterns = [
    path("kiosque/activer", views.activate, name="activer"),
    path("kiosque/desactiver", views.deactivate, name="desactiver"),
    path("kiosque/fin", views.finish, name="fin"),
    path("kiosque/aide", views.help_request, name="aide"),
    path("kiosque/aide/annuler", views.cancel_help, name="aide-annuler"),
    path("kiosque/code", views.resume_code, name="code"),
    path("reprendre", views.resume, name="reprendre"),
    path("accueil/file-attente", desk.queue, name="file-attente"),
    path("accueil/file-attente/<int:pk>", desk.update, name="file-attente-maj"),
]
