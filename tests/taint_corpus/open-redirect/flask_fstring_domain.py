from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/switch-region")
def switch_region():
    region_host = request.args.get("host", "eu.example.com")
    return redirect(f"https://{region_host}/home")  # expect: BST255
