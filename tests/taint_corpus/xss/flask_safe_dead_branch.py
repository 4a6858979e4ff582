from flask import Flask, request

app = Flask(__name__)
RAW_PREVIEW = False


@app.route("/preview")
def preview():
    text = request.args.get("text", "")
    if RAW_PREVIEW:
        return "<div>" + text + "</div>"
    return {"text": text}
