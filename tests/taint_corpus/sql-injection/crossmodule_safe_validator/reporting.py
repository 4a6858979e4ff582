from django.db import connection


def monthly_totals(month):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT SUM(total) FROM sales WHERE to_char(created, 'YYYY-MM') = '{month}'")
        return cursor.fetchall()
