from django.http import HttpResponse
from django.template import Context, Template


def invoice_preview(request):
    layout = request.POST.get("layout", "{{ total }}")
    template = Template(layout)  # expect: BST263
    return HttpResponse(template.render(Context({"total": "120.00"})))
