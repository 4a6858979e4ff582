import shlex

from flask import Flask, request

app = Flask(__name__)


@app.route("/cmd-preview")
def command_preview():
    arg = shlex.quote(request.args.get("arg", ""))
    return f"<code>tar czf backup.tgz {arg}</code>"  # expect: BST253
