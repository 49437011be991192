"""Applications (办件): pre-review, the one-window workflow, and the lifecycle they share."""
