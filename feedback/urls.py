from django.urls import path

from . import views

app_name = "feedback"
urlpatterns = [
    path("", views.answer, name="answer"),
    path("missing/", views.missing, name="missing"),
]
