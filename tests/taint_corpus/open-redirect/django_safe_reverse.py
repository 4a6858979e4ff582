from django.shortcuts import redirect
from django.urls import reverse


def language_switch(request):
    lang = request.POST.get("language", "en")
    return redirect(reverse("home") + "?lang=" + ("fr" if lang == "fr" else "en"))
