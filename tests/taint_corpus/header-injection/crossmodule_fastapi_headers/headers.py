from fastapi import Response


def attach_download_headers(response: Response, filename: str) -> None:
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'  # expect: BST261
