from django.http import JsonResponse
from django.views import View


class ScriptRunner(View):
    def post(self, request):
        lines = request.POST.get("script", "").splitlines()
        program = "\n".join(line.rstrip() for line in lines)
        scope: dict = {}
        exec(program, scope)  # expect: BST250
        return JsonResponse({"result": scope.get("result")})
