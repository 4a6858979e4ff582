from django.http import HttpResponse
from django.views import View


class ErrorPage(View):
    def get(self, request):
        reason = request.GET.get("reason", "unknown")
        response = HttpResponse(content_type="text/html")
        response.write("<p>Something went wrong: " + reason + "</p>")  # expect: BST253
        return response
