from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.http import HttpResponse
from django.views import View


class ProfileView(LoginRequiredMixin, View):
    def get(self, request):
        return HttpResponse("me")

    def post(self, request):
        request.user.save()
        return HttpResponse("saved")


class StaffOnlyMixin(UserPassesTestMixin):
    def test_func(self):
        return self.request.user.is_staff


class SettingsView(StaffOnlyMixin, View):
    def get(self, request):
        return HttpResponse("settings")

    def post(self, request):
        return HttpResponse("saved")
