from django.urls import path

from . import views

app_name = "training"
urlpatterns = [
    path("", views.programme_list, name="list"),
    path("calendar.ics", views.calendar_all, name="calendar"),
    path("<slug:slug>/", views.programme_detail, name="detail"),
    path("<slug:slug>/calendar.ics", views.calendar_one, name="calendar_one"),
]
