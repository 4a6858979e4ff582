from django.http import JsonResponse


def choose_plan(request):
    plan = request.POST.get("plan", "free")
    request.session["plan"] = plan  # expect: BST260
    return JsonResponse({"plan": plan})
