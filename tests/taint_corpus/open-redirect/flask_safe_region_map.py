from flask import Flask, redirect, request

app = Flask(__name__)
REGION_HOSTS = {"eu": "https://eu.example.com/home", "us": "https://us.example.com/home"}


@app.route("/switch-region")
def switch_region():
    region = request.args.get("region", "eu")
    return redirect(REGION_HOSTS.get(region, "https://eu.example.com/home"))
