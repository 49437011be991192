"""Every command refuses bad settings with one message naming the variables: exit 2, no traceback."""

import subprocess
import sys

import pytest

from app.cli import CONFIGURATION_ERROR, build_parser
from tests import backends
from tests.foundation.test_settings import PROVISIONED
from tests.support.server import REPO_ROOT, service_env

pytestmark = backends.embedded_pass_only


def smallest_arguments() -> dict[str, list[str]]:
    """Each command with placeholder values for its required arguments (never used: the settings
    are refused first), so that a command added later is covered without editing this file."""
    commands = next(a for a in build_parser()._actions if a.dest == "command").choices
    arguments = {}
    for name, parser in commands.items():
        argv = []
        for action in parser._actions:
            value = str(next(iter(action.choices))) if action.choices else "x"
            if not action.option_strings and action.nargs is None:
                argv.append(value)
            elif action.required:
                argv += [action.option_strings[0], value]
        arguments[name] = argv
    return arguments


COMMANDS = smallest_arguments()


def run_cli(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=REPO_ROOT, env=service_env(**env),
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


def assert_refused(result: subprocess.CompletedProcess, *names: str) -> None:
    assert result.returncode == CONFIGURATION_ERROR, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.startswith("configuration error: ")
    for name in names:
        assert name in result.stderr


def test_the_commands_are_found():
    assert {"serve", "migrate", "push-worker", "rotate-key", "create-staff"} <= set(COMMANDS)
    assert COMMANDS["rotate-key"] == ["access"]


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_refuses_production_defaults(command):
    result = run_cli(command, *COMMANDS[command], HDT_ENV="production")
    assert_refused(result, "HDT_DATA_KEY", "DATABASE_URL", "REDIS_URL", "HDT_KEYS_DIR")


@pytest.mark.parametrize("variable, value", [("HDT_PUSH_CONCURRENCY", "many"), ("HDT_ENV", "prod"),
                                             ("DATABASE_URL", "postgres://u@db:port/hdt"),
                                             ("HDT_DATA_KEY", "too-short"),
                                             ("HDT_PUSH_TEMPLATES", "{not json"),
                                             ("HDT_CORS_ORIGINS", '["https://h5.example.cn/app"]'),
                                             ("HDT_LOGIN_RETURN_ORIGINS", '["*"]')])
def test_an_invalid_value_is_named(variable, value):
    assert_refused(run_cli("migrate", **{variable: value}), variable)


def test_production_refuses_a_loopback_upstream(tmp_path):
    result = run_cli("migrate", **{**PROVISIONED, "HDT_KEYS_DIR": str(tmp_path),
                                   "HDT_BJPASS_USERINFO_URL": "http://localhost:8443/oauth2/userinfo"})
    assert_refused(result, "HDT_BJPASS_USERINFO_URL")


def test_production_refuses_to_serve_without_signing_keys(tmp_path):
    result = run_cli("serve", **PROVISIONED, HDT_KEYS_DIR=str(tmp_path))
    assert_refused(result, "HDT_KEYS_DIR", "rotate-key access")


def test_an_unknown_prefixed_variable_is_warned_about_and_the_command_runs(tmp_path):
    result = run_cli("rotate-key", "access", HDT_KEYS_DIR=str(tmp_path), HDT_DTA_KEY="x")
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "HDT_DTA_KEY" in line]
    assert len(warnings) == 1 and "HDT_DATA_KEY" in warnings[0]
    assert "new signing key for access" in result.stdout


def test_production_refuses_a_key_that_is_not_one(tmp_path):
    for purpose in ("access", "qr", "ledger"):
        (tmp_path / purpose).mkdir()
        (tmp_path / purpose / f"{purpose}-1.pem").write_text("not a key")
    result = run_cli("push-worker", **{**PROVISIONED, "HDT_KEYS_DIR": str(tmp_path)})
    assert_refused(result, "HDT_KEYS_DIR", str(tmp_path / "access"))
