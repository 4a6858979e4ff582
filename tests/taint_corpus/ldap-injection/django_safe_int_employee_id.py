import ldap
from django.http import JsonResponse


def employee(request):
    employee_id = int(request.GET.get("id", "0"))
    conn = ldap.initialize("ldap://phonebook.internal")
    entries = conn.search_s("ou=staff,dc=example,dc=org", ldap.SCOPE_ONELEVEL, f"(employeeNumber={employee_id})")
    return JsonResponse({"count": len(entries)})
