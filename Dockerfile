# syntax=docker/dockerfile:1
# Two stages: build the project's wheel and its dependencies' wheels, then install only those
# wheels on a slim image that runs as a non-root user. Nothing from the source tree is copied into
# the final image, so it runs exactly what the wheel holds (.ci/wheel-smoke checks the same wheel).
#
# The base is pinned to a patch release and to the digest of its multi-architecture index. The
# registry cannot be reached where this file was written: the digest is the one several public
# projects pin for this tag. A wrong digest cannot pull another image, only fail the pull; check it
# with `docker buildx imagetools inspect python:3.11.14-slim-bookworm` when updating the base.
ARG PYTHON_IMAGE=python:3.11.14-slim-bookworm@sha256:65a93d69fa75478d554f4ad27c85c1e69fa184956261b4301ebaf6dbb0a3543d

FROM ${PYTHON_IMAGE} AS build
# A compiler for any dependency without a wheel for this platform; it stays in this stage.
RUN apt-get update && apt-get install -y --no-install-recommends build-essential \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# .dockerignore keeps the virtualenv, var/, tests and benchmarks out of the context.
COPY . .
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

FROM ${PYTHON_IMAGE}
RUN useradd --create-home --uid 10001 hdt
# The wheels are mounted for this step only, so they take no layer of the final image.
RUN --mount=type=bind,from=build,source=/wheels,target=/wheels \
    pip install --no-cache-dir --no-index --find-links /wheels haidiantong
# The working directory holds only what the service writes (var/uploads by default), no code.
# var/uploads exists in the image so that a volume mounted there starts owned by hdt.
WORKDIR /srv/hdt
RUN mkdir -p var/uploads && chown -R hdt:hdt /srv/hdt
USER hdt
ENV HDT_ENV=production PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1
EXPOSE 8000
# No HEALTHCHECK here: the same image also runs `migrate` and `push-worker`, which would inherit
# an HTTP probe they cannot answer. docker-compose.yml gives each service its own.
CMD ["python", "-m", "app", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2"]
