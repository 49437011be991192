"""``python -m app <command>``: see ``python -m app --help``."""

from app.cli import main

main()
