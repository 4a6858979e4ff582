#!/usr/bin/env python3
"""A CGI script: the web server passes the request's query string in the environment."""

import os
import urllib.parse

print("Content-Type: text/plain\n")
params = urllib.parse.parse_qs(os.environ.get("QUERY_STRING", ""))
host = params.get("host", ["localhost"])[0]
print(os.popen("ping -c 1 " + host).read())  # expect: BST251
