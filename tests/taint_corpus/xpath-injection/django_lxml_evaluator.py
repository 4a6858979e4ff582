from django.http import JsonResponse
from lxml import etree

DOCUMENT = etree.parse("/srv/data/employees.xml")


def employee_search(request):
    dept = request.GET.get("dept", "")
    evaluator = etree.XPathEvaluator(DOCUMENT)
    names = evaluator("//employee[department='" + dept + "']/name/text()")  # expect: BST257
    return JsonResponse({"names": [str(n) for n in names]})
