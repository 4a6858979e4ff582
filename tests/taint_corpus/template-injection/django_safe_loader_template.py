from django.http import HttpResponse
from django.template import loader


def invoice_preview(request):
    note = request.POST.get("note", "")
    template = loader.get_template("invoices/preview.html")
    return HttpResponse(template.render({"note": note}, request))
