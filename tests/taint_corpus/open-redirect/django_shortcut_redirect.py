from django.shortcuts import redirect


def language_switch(request):
    lang = request.POST.get("language", "en")
    request.session["lang"] = "en" if lang not in ("en", "fr") else lang
    return redirect(request.POST.get("next", "/"))  # expect: BST255
