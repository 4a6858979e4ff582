from django.db import connection
from django.http import JsonResponse


def invoices_for_account(request):
    account = request.POST["account"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT number, total FROM billing_invoice WHERE account = '%s'" % account)  # expect: BST550
        rows = cursor.fetchall()
    return JsonResponse({"invoices": rows})
