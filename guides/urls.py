from django.urls import path

from . import views

app_name = "guides"
urlpatterns = [
    path("", views.guide_list, name="list"),
    path("start-here.pdf", views.book_pdf, name="book"),
    path("<slug:slug>/", views.guide_detail, name="detail"),
]
