from django.urls import include, path
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register(r"tasks", views.TaskViewSet, basename="task")
router.register(r"projects", views.ProjectViewSet)
router.register(r"tags", views.TagViewSet)

urlpatterns = [
    path("", include(router.urls)),
    path("status/", views.status_view),
    path("reports/", views.ReportView.as_view()),
    path("users/", views.UserListView.as_view()),
    path("signup/", views.SignupView.as_view()),
]
