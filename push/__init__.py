"""Push: the outbox relay, the durable queue and its workers."""
