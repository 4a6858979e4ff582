from django.urls import path

import views

urlpatterns = [
    path("teams/<str:team>/members/", views.team_members),
]
