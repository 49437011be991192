"""Push delivery: templates, the Redis job queue and its worker, the outbox relay (docs/push.md)."""
