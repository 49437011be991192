"""Tortoise models, one module per domain. Every module here is registered with the ORM."""

MODEL_MODULES = [
    "models.organization",
    "models.calendar",
    "models.users",
    "models.staff",
    "models.sessions",
    "models.outbox",
    "models.ledger",
    "models.catalog",
    "models.appointments",
    "models.hall_floor",
    "models.push",
    "models.companies",
    "models.bundles",
    "models.prereview",
    "models.onewindow",
    "models.documents",
    "models.access_log",
    "models.articles",
    "models.oa",
    "models.payments",
]
