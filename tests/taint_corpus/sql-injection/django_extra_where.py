from django.http import JsonResponse
from django.views import View

from .models import Ticket


class TicketSearchView(View):
    def get(self, request):
        label = request.GET.get("label", "")
        tickets = Ticket.objects.extra(where=[f"labels LIKE '%%{label}%%'"])  # expect: BST550
        return JsonResponse({"tickets": list(tickets.values("id", "title"))})
