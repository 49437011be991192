"""Domain logic. Routes and workers call these functions; every write happens here."""
