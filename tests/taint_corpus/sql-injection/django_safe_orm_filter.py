from django.http import JsonResponse
from django.views import View

from .models import Ticket


class TicketSearchView(View):
    def get(self, request):
        status = request.GET.get("status", "open")
        title = request.GET.get("title", "")
        tickets = Ticket.objects.filter(status=status, title__icontains=title)
        return JsonResponse({"tickets": list(tickets.values("id", "title"))})
