from pymongo import MongoClient
from rest_framework.decorators import api_view
from rest_framework.response import Response

inventory = MongoClient().warehouse.inventory


@api_view(["POST"])
def bulk_update(request):
    result = inventory.update_many(request.data["filter"], {"$set": {"checked": True}})  # expect: BST264
    return Response({"modified": result.modified_count})
