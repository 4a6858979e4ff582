from jinja2 import Template
from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["POST"])
def render_notification(request):
    template_text = request.data["template"]
    context = request.data.get("context", {})
    return Response({"text": Template(template_text).render(**context)})  # expect: BST263
