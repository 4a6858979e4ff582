import json

from rest_framework import viewsets
from rest_framework.response import Response


class FormulaViewSet(viewsets.ViewSet):
    def create(self, request):
        formula = request.data["formula"]
        parsed = json.loads(formula)
        return Response({"terms": parsed.get("terms", [])})
