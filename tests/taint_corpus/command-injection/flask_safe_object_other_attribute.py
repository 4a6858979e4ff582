import subprocess

from flask import Flask, request

app = Flask(__name__)


class BackupJob:
    def __init__(self, label: str) -> None:
        self.label = label
        self.compression = "gzip"

    def run(self) -> int:
        return subprocess.call(f"tar --{self.compression} -cf /backups/job.tar /srv/data", shell=True)


@app.post("/backups")
def start_backup():
    job = BackupJob(request.form["label"])
    return {"code": job.run(), "label": job.label}
