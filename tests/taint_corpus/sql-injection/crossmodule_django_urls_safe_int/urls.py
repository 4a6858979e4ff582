from django.urls import path

import views

urlpatterns = [
    path("teams/<int:team_id>/members/", views.team_members),
]
