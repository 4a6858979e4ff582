from django.http import JsonResponse

from .models import Product


def filtered_products(request):
    condition = request.GET.get("where", "True")
    products = [p for p in Product.objects.all() if eval(condition, {"p": p})]  # expect: BST250
    return JsonResponse({"ids": [p.id for p in products]})
