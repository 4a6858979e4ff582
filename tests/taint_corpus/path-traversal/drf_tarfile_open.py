import tarfile

from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["POST"])
def inspect_archive(request):
    archive = request.data["archive"]
    with tarfile.open(f"/srv/incoming/{archive}") as tar:  # expect: BST252
        return Response({"members": tar.getnames()})
