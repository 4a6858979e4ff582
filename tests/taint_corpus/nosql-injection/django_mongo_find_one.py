import json

from django.http import JsonResponse
from pymongo import MongoClient

accounts = MongoClient().bank.accounts


def account_lookup(request):
    selector = json.loads(request.body)
    account = accounts.find_one(selector)  # expect: BST264
    return JsonResponse({"exists": account is not None})
