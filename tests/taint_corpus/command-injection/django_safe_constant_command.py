import subprocess

from django.http import HttpResponse


def disk_usage(request):
    volume = "/srv/media"
    out = subprocess.check_output(f"df -h {volume}", shell=True, text=True)
    return HttpResponse(out, content_type="text/plain")
