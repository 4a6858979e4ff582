from django.http import JsonResponse

PLANS = ("free", "pro", "team")


def choose_plan(request):
    plan = request.POST.get("plan", "free")
    if plan in PLANS:
        request.session["plan"] = plan
    return JsonResponse({"plan": request.session.get("plan", "free")})
