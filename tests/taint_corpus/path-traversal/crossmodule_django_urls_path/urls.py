from django.urls import path, re_path

from docs import views

urlpatterns = [
    path("docs/<path:page>", views.doc_page),
    re_path(r"^legacy/(?P<page>.+)$", views.doc_page),
]
