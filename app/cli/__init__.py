"""The one command-line entry point, ``python -m app``: serve, migrate, seed-demo, create-staff and
more. The commands live by what they do: serving.py (the service), data.py (schema, data, keys),
staff.py (staff accounts), jobs.py (the push worker and the scheduled jobs)."""

from __future__ import annotations

import argparse
import os
import signal
import sys

from app.cli import data, jobs, serving, staff
from app.cli.runtime import Command
from app.context import KEY_PURPOSES
from app.db import MigrationsMissing
from app.errors import AppError
from app.keys import KeyRing, KeyRingError, private_key_files
from config import Settings, SettingsError, load_settings
from config.settings import unknown_variables

CONFIGURATION_ERROR = 2  # exit status of a start refused for its settings
# Commands that never sign or verify anything, so production runs them without the key rings.
KEYLESS_COMMANDS = frozenset({"migrate", "makemigrations", "rotate-key", "generate-catalog",
                              "emulators", "openapi"})


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m app", description="海淀通 backend")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, handler: Command) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=handler.__doc__, description=handler.__doc__)
        command.set_defaults(handler=handler)
        return command

    for module in (serving, data, staff, jobs):
        module.add_commands(add)
    return parser


def check_signing_keys(settings: Settings) -> None:
    """Production: every key ring must already hold a signing key (development generates them)."""
    for purpose in KEY_PURPOSES:
        if not private_key_files(settings.keys_dir / purpose):
            raise SettingsError(f"HDT_KEYS_DIR: no signing key for {purpose!r} in "
                                f"{settings.keys_dir / purpose}; create one with "
                                f"`python -m app rotate-key {purpose}`")
        try:
            KeyRing(settings.keys_dir, purpose, create_missing=False)
        except (KeyRingError, OSError, ValueError) as exc:  # unreadable, or not an Ed25519 key
            raise SettingsError(f"HDT_KEYS_DIR: the {purpose!r} keys in {settings.keys_dir / purpose} "
                                f"cannot be used: {exc}") from None


def check_merchant_key(settings: Settings) -> None:
    """Production: the WeChat Pay merchant key must be provisioned (development generates it)."""
    from wechat.pay_crypto import load_merchant_key, merchant_key_path

    try:
        load_merchant_key(settings)
    except (OSError, ValueError, TypeError) as exc:  # missing, unreadable, or not an RSA private key
        raise SettingsError(f"HDT_WECHATPAY_PRIVATE_KEY_PATH: the WeChat Pay merchant key "
                            f"{merchant_key_path(settings)} cannot be used: {exc}") from None


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    for warning in unknown_variables(os.environ):
        print(warning, file=sys.stderr)
    try:
        settings = load_settings()
        if settings.env == "production" and args.command not in KEYLESS_COMMANDS:
            check_signing_keys(settings)
            check_merchant_key(settings)
    except SettingsError as exc:
        # An operator's mistake, not a bug: one message naming the variables, no traceback.
        print(f"configuration error: {exc}", file=sys.stderr)
        sys.exit(CONFIGURATION_ERROR)
    try:
        args.handler(args, settings)
    except MigrationsMissing as exc:
        sys.exit(f"error: {exc}")
    except KeyboardInterrupt:  # Ctrl-C while a command had no handling of its own: no traceback
        sys.exit(128 + signal.SIGINT)
    except AppError as exc:
        # A refused request (unknown staff, role or department): its code and message, no traceback.
        sys.exit(f"error: {exc.code}: {exc.message}")
