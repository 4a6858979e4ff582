import uuid

from django.http import HttpResponse


def pick_workspace(request, workspace_id):
    request.session["workspace"] = str(uuid.UUID(workspace_id))
    return HttpResponse(status=204)
