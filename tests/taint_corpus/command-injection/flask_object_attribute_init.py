import subprocess

from flask import Flask, request

app = Flask(__name__)


class BackupJob:
    def __init__(self, target: str) -> None:
        self.target = target
        self.compression = "gzip"

    def run(self) -> int:
        return subprocess.call(f"tar --{self.compression} -cf /backups/job.tar {self.target}", shell=True)  # expect: BST251


@app.post("/backups")
def start_backup():
    job = BackupJob(request.form["target"])
    return {"code": job.run()}
