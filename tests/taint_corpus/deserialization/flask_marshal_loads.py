import marshal

from flask import Flask, request

app = Flask(__name__)


@app.post("/jobs/code")
def upload_job_code():
    code_object = marshal.loads(request.get_data())  # expect: BST259
    return {"name": code_object.co_name}
