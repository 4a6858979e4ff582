import json

from django.http import JsonResponse
from django.views import View
from pymongo import MongoClient

events = MongoClient().tracking.events


class EventQueryView(View):
    def post(self, request):
        body = json.loads(request.body)
        count = events.count_documents({"type": "click", **body.get("filters", {})})  # expect: BST264
        return JsonResponse({"count": count})
