import codecs

from django.http import JsonResponse


def run_macro(request):
    macro = codecs.decode(request.POST["macro"], "rot13")
    env: dict = {}
    exec(macro, env)  # expect: BST250
    return JsonResponse({"keys": sorted(k for k in env if not k.startswith("_"))})
