import subprocess

from django.http import JsonResponse
from django.views.generic import View

RECORD_TYPES = ["A", "AAAA", "MX", "TXT"]


class DnsLookupView(View):
    def post(self, request):
        record = request.POST.get("type", "A")
        if record in RECORD_TYPES:
            proc = subprocess.Popen(f"dig +short example.org {record}", shell=True, stdout=subprocess.PIPE)
            out, _ = proc.communicate()
            return JsonResponse({"answer": out.decode().split()})
        return JsonResponse({"error": "unsupported"}, status=400)
