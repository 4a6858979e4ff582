import os

from django.http import HttpResponse


def render_report(request):
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    os.system("echo '%s' >> /var/log/report-agents.log" % user_agent)  # expect: BST251
    return HttpResponse("queued")
