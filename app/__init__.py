"""The service: application factory, command line, and what is not a domain (errors, auth, storage)."""
