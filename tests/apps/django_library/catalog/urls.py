from django.urls import path, re_path

from . import views

app_name = "catalog"
urlpatterns = [
    path("", views.BookListView.as_view(), name="list"),
    path("<int:pk>/", views.BookDetailView.as_view(), name="detail"),
    path("new/", views.BookCreateView.as_view(), name="create"),
    path("<int:pk>/delete/", views.BookDeleteView.as_view(), name="delete"),
    path("<int:pk>/borrow/", views.borrow, name="borrow"),
    path("<int:pk>/review/", views.review, name="review"),
    path("export/", views.export_books, name="export"),
    re_path(r"^search/$", views.search, name="search"),
    path("webhook/", views.inventory_webhook, name="webhook"),
]
