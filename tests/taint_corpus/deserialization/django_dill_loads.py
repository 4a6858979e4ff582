import dill
from django.http import JsonResponse
from django.views import View


class ModelUploadView(View):
    def post(self, request):
        model = dill.loads(request.body)  # expect: BST259
        return JsonResponse({"type": type(model).__name__})
