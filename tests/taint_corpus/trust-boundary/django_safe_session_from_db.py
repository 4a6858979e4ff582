from django.http import JsonResponse

from .models import Organisation


def switch_org(request):
    org = Organisation.objects.filter(members=request.user, pk=int(request.POST["org"])).first()
    if org is not None:
        request.session["org_id"] = org.pk
    return JsonResponse({"ok": org is not None})
