from django.urls import path

from . import views

app_name = "marketplaces"
urlpatterns = [
    path("", views.marketplace_list, name="list"),
    path("compare/", views.compare, name="compare"),
    path("<slug:slug>/", views.marketplace_detail, name="detail"),
]
