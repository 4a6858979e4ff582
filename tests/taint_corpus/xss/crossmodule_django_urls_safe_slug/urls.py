from django.urls import path

import views

urlpatterns = [
    path("category/<slug:slug>/", views.category_page),
]
