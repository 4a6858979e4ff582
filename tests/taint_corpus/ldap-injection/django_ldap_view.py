import ldap
from django.http import JsonResponse


def phonebook(request):
    surname = request.GET.get("sn", "*")
    conn = ldap.initialize("ldap://phonebook.internal")
    entries = conn.search_s("ou=staff,dc=example,dc=org", ldap.SCOPE_ONELEVEL, f"(sn={surname})")  # expect: BST256
    return JsonResponse({"count": len(entries)})
