from django.http import HttpResponseRedirect


def switch_tenant(request, tenant):
    request.session["tenant"] = tenant  # expect: BST260
    return HttpResponseRedirect("/dashboard/")
