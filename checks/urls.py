from django.urls import path

from . import views

app_name = "checks"
urlpatterns = [
    path("offer-check/", views.offer_check, name="offer"),
    path("account-check/", views.account_check, name="account"),
    path("proposal-check/", views.proposal_check, name="proposal"),
]
