import subprocess

from django.http import HttpResponse


def package_info(request, package):
    out = subprocess.run(f"apt-cache show {package}", shell=True, capture_output=True, text=True)  # expect: BST251
    return HttpResponse(out.stdout, content_type="text/plain")
