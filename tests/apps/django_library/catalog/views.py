from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.http import HttpResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import CreateView, DeleteView, DetailView, ListView

from .models import Book, Loan


class BookListView(ListView):
    model = Book


class BookDetailView(DetailView):
    model = Book


class BookCreateView(LoginRequiredMixin, CreateView):
    model = Book
    fields = ["title"]


class BookDeleteView(PermissionRequiredMixin, DeleteView):
    model = Book
    permission_required = "catalog.delete_book"


@method_decorator(login_required, name="dispatch")
class StatsView(View):
    def get(self, request):
        return HttpResponse("stats")


@login_required
@require_POST
def borrow(request, pk):
    Loan.objects.create(book_id=pk, user=request.user)
    return HttpResponse("ok")


@require_http_methods(["GET", "POST"])
def review(request, pk):
    if request.method == "POST":
        Book.objects.get(pk=pk).reviews.create(text=request.POST["text"])
    return HttpResponse("review")


@login_required
def export_books(request):
    return HttpResponse("csv")


def search(request):
    return HttpResponse("results")


@csrf_exempt
@require_POST
def inventory_webhook(request):
    Book.objects.filter(pk=request.POST["id"]).update(stock=0)
    return HttpResponse("ok")
