import json

from django.http import JsonResponse
from pymongo import MongoClient

coll = MongoClient().shop.customers


def find_customer(request):
    data = json.loads(request.body)
    doc = coll.find_one({"email": str(data.get("email", "")), "country": str(data.get("country", "FR"))})
    return JsonResponse({"found": doc is not None})
