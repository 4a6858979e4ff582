import subprocess

from flask import Flask, request

app = Flask(__name__)


class ArchiveTool:
    def __init__(self, workdir: str) -> None:
        self.workdir = workdir

    def extract(self, archive_name: str) -> int:
        return subprocess.call(f"cd {self.workdir} && unzip -o {archive_name}", shell=True)  # expect: BST251


tool = ArchiveTool("/srv/imports")


@app.post("/imports/extract")
def extract():
    return {"code": tool.extract(request.json["archive"])}
