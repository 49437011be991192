# Multi-stage: build wheels with the compiler, run on a slim image as a non-root user.
FROM python:3.11-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends build-essential && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pyproject.toml ./
COPY app ./app
COPY config ./config
COPY models ./models
COPY routes ./routes
COPY services ./services
COPY wechat ./wechat
COPY push ./push
COPY ledger_verifier ./ledger_verifier
RUN pip wheel --wheel-dir /wheels .

FROM python:3.11-slim
RUN useradd --create-home --uid 10001 hdt
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels
WORKDIR /srv/hdt
COPY --chown=hdt:hdt migrations ./migrations
COPY --chown=hdt:hdt app ./app
COPY --chown=hdt:hdt config ./config
COPY --chown=hdt:hdt models ./models
COPY --chown=hdt:hdt routes ./routes
COPY --chown=hdt:hdt services ./services
COPY --chown=hdt:hdt wechat ./wechat
COPY --chown=hdt:hdt push ./push
COPY --chown=hdt:hdt ledger_verifier ./ledger_verifier
USER hdt
ENV HDT_ENV=production PYTHONUNBUFFERED=1
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s CMD python -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2)" || exit 1
CMD ["python", "-m", "app", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2"]
