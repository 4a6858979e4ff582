from rest_framework import viewsets
from rest_framework.response import Response


class FormulaViewSet(viewsets.ViewSet):
    def create(self, request):
        formula = request.data["formula"]
        scope = {"x": 1, "y": 2}
        exec("result = " + formula, scope)  # expect: BST250
        return Response({"result": scope.get("result")})
