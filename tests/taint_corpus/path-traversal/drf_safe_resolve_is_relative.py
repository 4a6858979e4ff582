from pathlib import Path

from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

DATASETS = Path("/srv/datasets").resolve()


@api_view(["GET"])
def dataset_preview(request):
    candidate = (DATASETS / request.query_params.get("name", "")).resolve()
    if not candidate.is_relative_to(DATASETS):
        raise ValidationError("invalid dataset")
    return Response({"head": candidate.read_text()[:500]})
