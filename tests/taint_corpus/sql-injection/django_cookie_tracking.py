from django.db import connection
from django.http import HttpResponse


def track_visit(request):
    campaign = request.COOKIES.get("campaign", "none")
    cursor = connection.cursor()
    cursor.execute("INSERT INTO visits (campaign) VALUES ('{}')".format(campaign))  # expect: BST550
    return HttpResponse(status=204)
