from django.http import JsonResponse

from validators import clean_month
from reporting import monthly_totals


def monthly_report(request):
    month = clean_month(request.GET["month"])
    return JsonResponse({"rows": monthly_totals(month)})
