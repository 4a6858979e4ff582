import base64
import pickle

from django.http import JsonResponse


class PreferenceCodec:
    @staticmethod
    def decode(raw: str):
        return pickle.loads(base64.b64decode(raw))  # expect: BST259


def preferences(request):
    prefs = PreferenceCodec.decode(request.COOKIES.get("prefs", ""))
    return JsonResponse(prefs)
