from django.http import JsonResponse
from django.views import View


class AvatarUpload(View):
    def post(self, request):
        upload = request.FILES["avatar"]
        target = "/srv/media/avatars/" + upload.name
        with open(target, "wb+") as out:  # expect: BST252
            for chunk in upload.chunks():
                out.write(chunk)
        return JsonResponse({"path": target})
