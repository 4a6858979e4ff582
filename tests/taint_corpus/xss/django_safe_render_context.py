from django.shortcuts import render


def announcement(request):
    text = request.POST.get("announcement", "")
    return render(request, "announcement.html", {"announcement": text})
