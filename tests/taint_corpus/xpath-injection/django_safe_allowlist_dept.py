from django.http import JsonResponse
from lxml import etree

DOCUMENT = etree.parse("/srv/data/employees.xml")
DEPARTMENTS = frozenset({"finance", "hr", "it"})


def employee_search(request):
    dept = request.GET.get("dept", "")
    if dept not in DEPARTMENTS:
        return JsonResponse({"names": []})
    names = DOCUMENT.xpath(f"//employee[department='{dept}']/name/text()")
    return JsonResponse({"names": [str(n) for n in names]})
