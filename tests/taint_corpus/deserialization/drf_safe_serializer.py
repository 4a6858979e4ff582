from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.response import Response


class RestoreSerializer(serializers.Serializer):
    payload = serializers.JSONField()


@api_view(["POST"])
def restore(request):
    serializer = RestoreSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    return Response({"keys": sorted(serializer.validated_data["payload"])})
