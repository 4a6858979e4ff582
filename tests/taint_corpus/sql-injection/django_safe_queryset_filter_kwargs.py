from django.http import JsonResponse

from .models import Order

FILTERABLE = {"status", "channel"}


def orders(request):
    filters = {k: v for k, v in request.GET.items() if k in FILTERABLE}
    return JsonResponse({"ids": list(Order.objects.filter(**filters).values_list("id", flat=True))})
