import re

from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["POST"])
def tokenize(request):
    separator = request.data.get("separator", ",")
    return Response({"tokens": re.split(separator, request.data.get("text", ""))})  # expect: BST262
