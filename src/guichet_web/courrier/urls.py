from django.urls import path

from . import views

app_name = "courrier"

urlpatterns = [
    path("courrier", views.letter_page, name="courrier"),
]
