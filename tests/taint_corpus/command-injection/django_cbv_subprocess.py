import subprocess

from django.http import JsonResponse
from django.views.generic import View


class DnsLookupView(View):
    def post(self, request):
        name = request.POST.get("name", "")
        record = request.POST.get("type", "A")
        proc = subprocess.Popen("dig +short %s %s" % (record, name), shell=True, stdout=subprocess.PIPE)  # expect: BST251
        out, _ = proc.communicate()
        return JsonResponse({"answer": out.decode().split()})
