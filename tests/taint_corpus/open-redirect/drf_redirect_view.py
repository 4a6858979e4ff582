from django.shortcuts import redirect
from rest_framework.decorators import api_view


@api_view(["GET"])
def oauth_complete(request):
    state = request.query_params.get("state", "/")
    return redirect(state)  # expect: BST255
