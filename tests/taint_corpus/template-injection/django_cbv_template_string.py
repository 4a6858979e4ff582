from django.http import HttpResponse
from django.template import Context, Template
from django.views import View


class SignaturePreview(View):
    def post(self, request):
        signature = request.POST.get("signature", "")
        tpl = Template("<p>Regards,</p>" + signature)  # expect: BST263
        return HttpResponse(tpl.render(Context({"user": request.user})))
