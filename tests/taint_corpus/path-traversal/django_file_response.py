from django.http import FileResponse


def download_backup(request):
    backup = request.GET["backup"]
    return FileResponse(open("/var/backups/" + backup, "rb"), as_attachment=True)  # expect: BST252
