from django.http import HttpResponse


def word_count(request):
    text = request.POST.get("text", "")
    words = len(text.split())
    vowels = sum(text.count(v) for v in "aeiou")
    return HttpResponse(f"<p>{words} words, {vowels} vowels</p>")
