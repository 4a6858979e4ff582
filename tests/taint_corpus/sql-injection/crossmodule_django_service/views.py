from django.http import JsonResponse

from services import reporting


def monthly_report(request):
    month = request.GET["month"]
    return JsonResponse({"rows": reporting.monthly_totals(month)})
