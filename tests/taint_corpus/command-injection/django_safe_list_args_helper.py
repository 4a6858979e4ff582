import subprocess

from django.http import JsonResponse


def run_tool(args: list[str]) -> str:
    return subprocess.run(["/usr/local/bin/imgtool", *args], capture_output=True, text=True).stdout


def image_info(request):
    return JsonResponse({"info": run_tool(["info", request.GET.get("image", "default.png")])})
