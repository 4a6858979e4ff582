from django.http import HttpResponse


def search(request):
    q = request.GET.get("q", "")
    return HttpResponse(f"<h1>Results for {q}</h1>")  # expect: BST253
