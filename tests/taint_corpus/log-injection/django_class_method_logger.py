import logging

from django.http import HttpResponse
from django.views import View


class SignupView(View):
    logger = logging.getLogger("signup")

    def post(self, request):
        referral = request.POST.get("referral", "")
        self.logger.info("signup with referral %s", referral)  # expect: BST750
        return HttpResponse(status=201)
