from django.db import connection


def _where_month(month):
    return "WHERE to_char(created, 'YYYY-MM') = '" + month + "'"


def monthly_totals(month):
    with connection.cursor() as cursor:
        cursor.execute("SELECT SUM(total) FROM sales " + _where_month(month))  # expect: BST550
        return cursor.fetchall()
