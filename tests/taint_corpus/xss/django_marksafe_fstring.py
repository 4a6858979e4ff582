from django.shortcuts import render
from django.utils.safestring import mark_safe


def announcement(request):
    text = request.POST.get("announcement", "")
    context = {"announcement": mark_safe("<p class='lead'>%s</p>" % text)}  # expect: BST253
    return render(request, "announcement.html", context)
