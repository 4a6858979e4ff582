import io
import pickle

from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["POST"])
def restore(request):
    stream = io.BytesIO(request.data["payload"].encode("latin-1"))
    obj = pickle.load(stream)  # expect: BST259
    return Response({"type": type(obj).__name__})
