import json

from django.http import JsonResponse
from pymongo import MongoClient

accounts = MongoClient().bank.accounts


def account_lookup(request):
    payload = json.loads(request.body)
    account = accounts.find_one({"number": int(payload["number"])})
    return JsonResponse({"exists": account is not None})
