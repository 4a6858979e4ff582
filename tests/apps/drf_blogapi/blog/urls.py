from django.urls import path

from .views import PostCreateView, PostDeleteView, PostListView, PostUpdateView, dashboard, like_post

urlpatterns = [
    path("", PostListView.as_view(), name="post-list"),
    path("post/new/", PostCreateView.as_view(), name="post-create"),
    path("post/<int:pk>/update/", PostUpdateView.as_view(), name="post-update"),
    path("post/<int:pk>/delete/", PostDeleteView.as_view(), name="post-delete"),
    path("dashboard/", dashboard, name="dashboard"),
    path("post/<int:pk>/like/", like_post, name="post-like"),
]
