import os

from django.http import FileResponse


class Attachments:
    ROOT = "/srv/attachments"

    @staticmethod
    def path_for(name: str) -> str:
        return os.path.join(Attachments.ROOT, name)


def attachment(request):
    return FileResponse(open(Attachments.path_for(request.GET["name"]), "rb"))  # expect: BST252
