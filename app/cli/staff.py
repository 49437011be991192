"""Staff account commands of ``python -m app``: create, disable, enable, roles, password, TOTP.

They do what the global admin's API does (routes/staff_admin.py), ledgered with actor ``cli``,
for the first admin of a deployment and for operators at the console.
"""

from __future__ import annotations

import argparse
import getpass
import io
import sys

import qrcode

from app.cli.runtime import AddCommand, with_runtime
from app.context import Runtime
from config import Settings

CLI_ACTOR = "cli"


def terminal_qr(text: str) -> str:
    """``text`` as a QR code drawn with block characters, for scanning off a terminal."""
    code = qrcode.QRCode(border=2)
    code.add_data(text)
    drawn = io.StringIO()
    code.print_ascii(out=drawn, invert=True)
    return drawn.getvalue()


def _print_enrolment(uri: str | None) -> None:
    if uri:
        print("TOTP:", uri)
        print(terminal_qr(uri))


def _password(args: argparse.Namespace) -> str:
    return sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass("密码: ")


async def _staff_id(username: str) -> str:
    from services.identity import staff_accounts

    return str((await staff_accounts.get_by_username_or_raise(username=username)).id)


def cmd_create_staff(args: argparse.Namespace, settings: Settings) -> None:
    """Create a staff account with scoped roles (TOTP enrolled with --totp, and always for admins
    and reviewers in production)."""
    from services.identity import staff_accounts
    from services.identity.staff import RoleSpec

    password = _password(args)
    enrolment = with_runtime(settings, lambda rt: staff_accounts.create(
        rt=rt, username=args.username, display_name=args.display_name, password=password,
        roles=[RoleSpec.parse(r) for r in args.role], totp=args.totp, actor_id=CLI_ACTOR))
    print(f"created staff {args.username}")
    _print_enrolment(enrolment.totp_uri)


def cmd_disable_staff(args: argparse.Namespace, settings: Settings) -> None:
    """Disable a staff account: no more logins, and its live sessions end at once."""
    from services.identity import staff_accounts

    async def step(rt: Runtime) -> None:
        await staff_accounts.disable(rt=rt, staff_id=await _staff_id(args.username), actor_id=CLI_ACTOR)

    with_runtime(settings, step)
    print(f"disabled staff {args.username}")


def cmd_enable_staff(args: argparse.Namespace, settings: Settings) -> None:
    """Let a disabled staff account log in again."""
    from services.identity import staff_accounts

    async def step(rt: Runtime) -> None:
        await staff_accounts.enable(rt=rt, staff_id=await _staff_id(args.username), actor_id=CLI_ACTOR)

    with_runtime(settings, step)
    print(f"enabled staff {args.username}")


def cmd_set_staff_roles(args: argparse.Namespace, settings: Settings) -> None:
    """Replace a staff account's roles (its sessions end; the next login carries the new ones)."""
    from services.identity import staff_accounts
    from services.identity.staff import RoleSpec

    async def step(rt: Runtime) -> None:
        await staff_accounts.set_roles(rt=rt, staff_id=await _staff_id(args.username),
                                       roles=[RoleSpec.parse(r) for r in args.role], actor_id=CLI_ACTOR)

    with_runtime(settings, step)
    print(f"roles of {args.username}: {', '.join(args.role) or '(none)'}")


def cmd_reset_staff_password(args: argparse.Namespace, settings: Settings) -> None:
    """Set a new password for a staff account (its sessions end)."""
    from services.identity import staff_accounts

    password = _password(args)

    async def step(rt: Runtime) -> None:
        await staff_accounts.reset_password(rt=rt, staff_id=await _staff_id(args.username),
                                            password=password, actor_id=CLI_ACTOR)

    with_runtime(settings, step)
    print(f"password of {args.username} reset")


def cmd_reset_staff_totp(args: argparse.Namespace, settings: Settings) -> None:
    """Enrol a new TOTP secret for a staff account and print it as a URI and a QR code."""
    from services.identity import staff_accounts

    async def step(rt: Runtime) -> str | None:
        enrolment = await staff_accounts.reset_totp(rt=rt, staff_id=await _staff_id(args.username),
                                                    actor_id=CLI_ACTOR)
        return enrolment.totp_uri

    uri = with_runtime(settings, step)
    print(f"TOTP of {args.username} reset")
    _print_enrolment(uri)


def add_commands(add: AddCommand) -> None:
    """Register this module's commands with the parser's ``add(name, handler)``."""
    role_help = "ROLE[:DEPARTMENT_CODE][@HALL_CODE], e.g. reviewer:HDGA; repeatable"
    create = add("create-staff", cmd_create_staff)
    create.add_argument("--username", required=True)
    create.add_argument("--display-name", required=True)
    create.add_argument("--role", action="append", default=[], help=role_help)
    create.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    create.add_argument("--totp", action="store_true", help="enrol TOTP: prints an otpauth URI and a QR code")
    for name, handler in (("disable-staff", cmd_disable_staff), ("enable-staff", cmd_enable_staff),
                          ("reset-staff-totp", cmd_reset_staff_totp)):
        add(name, handler).add_argument("--username", required=True)
    roles = add("set-staff-roles", cmd_set_staff_roles)
    roles.add_argument("--username", required=True)
    roles.add_argument("--role", action="append", default=[], help=role_help + "; none leaves no role")
    password = add("reset-staff-password", cmd_reset_staff_password)
    password.add_argument("--username", required=True)
    password.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
