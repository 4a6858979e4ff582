from bson import ObjectId
from pymongo import MongoClient
from rest_framework.decorators import api_view
from rest_framework.response import Response

inventory = MongoClient().warehouse.inventory


@api_view(["POST"])
def mark_checked(request):
    item_id = ObjectId(str(request.data["id"]))
    result = inventory.update_one({"_id": item_id}, {"$set": {"checked": True}})
    return Response({"modified": result.modified_count})
