import ldap
from django.http import JsonResponse
from django.views import View


class ManagerLookup(View):
    def get(self, request):
        manager = request.GET["manager"]
        conn = ldap.initialize("ldap://directory.internal")
        found = conn.search_st("dc=example,dc=org", ldap.SCOPE_SUBTREE, "(manager=cn=%s,ou=people,dc=example,dc=org)" % manager, timeout=5)  # expect: BST256
        return JsonResponse({"reports": [dn for dn, _ in found]})
