import os
import subprocess

from flask import Flask, request

app = Flask(__name__)


class ArchiveTool:
    def __init__(self, workdir: str) -> None:
        self.workdir = workdir

    def extract(self, archive_name: str) -> int:
        return subprocess.call(["unzip", "-o", os.path.basename(archive_name)], cwd=self.workdir)


tool = ArchiveTool("/srv/imports")


@app.post("/imports/extract")
def extract():
    return {"code": tool.extract(request.json["archive"])}
