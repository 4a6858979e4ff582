from rest_framework import generics, mixins, viewsets
from rest_framework.decorators import action, api_view, permission_classes
from rest_framework.permissions import AllowAny, IsAdminUser, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from .permissions import IsProjectManager


class TaskViewSet(viewsets.ModelViewSet):
    serializer_class = None

    @action(detail=True, methods=["post"], url_path="complete")
    def mark_complete(self, request, pk=None):
        return Response({})

    @action(detail=False, permission_classes=[IsAdminUser])
    def export(self, request):
        return Response([])


class ProjectViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [IsAuthenticated & IsProjectManager]


class TagViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    permission_classes = [AllowAny]


@api_view(["GET"])
@permission_classes([AllowAny])
def status_view(request):
    return Response({"ok": True})


class ReportView(APIView):
    permission_classes = [IsAdminUser]

    def get(self, request):
        return Response([])


class UserListView(generics.ListCreateAPIView):
    pass


class SignupView(generics.CreateAPIView):
    permission_classes = [AllowAny]
