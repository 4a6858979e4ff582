import os

from django.http import FileResponse
from django.utils.text import get_valid_filename


def download_backup(request):
    backup = os.path.basename(request.GET["backup"])
    name = get_valid_filename(backup)
    return FileResponse(open(os.path.join("/var/backups", name), "rb"), as_attachment=True)
