from flask import Flask, redirect, request, session

app = Flask(__name__)


@app.post("/logout")
def logout():
    session.clear()
    return redirect(request.form.get("return_to", "/"), code=303)  # expect: BST255
