import functools
import subprocess

from django.http import JsonResponse

run_shell = functools.partial(subprocess.run, shell=True, capture_output=True, text=True)


def host_lookup(request):
    host = request.GET["host"]
    result = run_shell("host " + host)  # expect: BST251
    return JsonResponse({"out": result.stdout})
