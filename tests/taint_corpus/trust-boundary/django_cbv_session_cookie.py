from django.http import HttpResponse
from django.views import View


class ReferralView(View):
    def get(self, request):
        referrer = request.COOKIES.get("ref")
        if referrer:
            request.session["referred_by"] = referrer  # expect: BST260
        return HttpResponse(status=204)
