from django.http import HttpResponse
from rest_framework.decorators import api_view


@api_view(["GET"])
def widget(request):
    title = request.query_params.get("title", "Widget")
    return HttpResponse("<div class='widget'><h3>" + title + "</h3></div>")  # expect: BST253
