from rest_framework.decorators import api_view
from rest_framework.response import Response
from jinja2 import Template

GREETING = Template("Hello {{ name }}, you have {{ count }} new messages")


@api_view(["GET"])
def greeting(request):
    name = request.query_params.get("name", "there")
    return Response({"text": GREETING.render(name=name, count=3)})
