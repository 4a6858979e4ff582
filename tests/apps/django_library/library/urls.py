from django.contrib.auth.decorators import login_required
from django.urls import include, path

from catalog.views import StatsView

urlpatterns = [
    path("catalog/", include("catalog.urls")),
    path("accounts/", include("accounts.urls")),
    path("stats/", login_required(StatsView.as_view())),
]
