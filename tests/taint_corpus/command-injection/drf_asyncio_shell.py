import asyncio

from rest_framework.decorators import api_view
from rest_framework.response import Response


@api_view(["POST"])
def transcode(request):
    codec = request.data.get("codec", "h264")
    source = request.data["source"]

    async def run():
        proc = await asyncio.create_subprocess_shell(f"ffmpeg -i {source} -c:v {codec} /tmp/out.mp4")  # expect: BST251
        return await proc.wait()

    return Response({"code": asyncio.run(run())})
