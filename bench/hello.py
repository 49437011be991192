"""The ceiling: a bare Sanic hello-world with the same worker count as the service."""

import argparse

from sanic import Sanic
from sanic.response import json

app = Sanic("hello_ceiling")


@app.get("/")
async def hello(request):
    return json({"hello": "world"})


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    app.run(host="127.0.0.1", port=args.port, workers=args.workers, single_process=args.workers == 1,
            access_log=False, motd=False)
