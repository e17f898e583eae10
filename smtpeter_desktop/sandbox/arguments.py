"""The ``sandbox`` command's options: argparse alone, since the app's command line builds
every command's parser on each run (``--help`` must not load the sandbox to print itself)."""

from __future__ import annotations

import argparse

# Fixed defaults, so a profile made once keeps pointing at a sandbox started later.
SMTP_PORT = 2587
SMTPS_PORT = 2465
REST_PORT = 2443


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The sandbox command's options, added to its (sub)parser."""
    parser.description = (
        "Run a local stand-in for SMTPeter: SMTP with STARTTLS and with implicit TLS, and "
        "the HTTPS REST API, on this computer only. Every message it accepts is kept in "
        "its data folder. Stop it with Ctrl+C."
    )
    add = parser.add_argument
    add("--host", default="127.0.0.1", help="loopback address to listen on (default: %(default)s)")
    add(
        "--smtp-port",
        type=int,
        default=SMTP_PORT,
        metavar="N",
        help="SMTP with STARTTLS (default: %(default)s; 0 picks a free port)",
    )
    add(
        "--smtps-port",
        type=int,
        default=SMTPS_PORT,
        metavar="N",
        help="SMTP with implicit TLS (default: %(default)s; 0 picks a free port)",
    )
    add(
        "--rest-port",
        type=int,
        default=REST_PORT,
        metavar="N",
        help="HTTPS REST API (default: %(default)s; 0 picks a free port)",
    )
    add(
        "--data",
        metavar="DIR",
        help="folder for the CA and the messages (default: the app's sandbox folder)",
    )
    add(
        "--user",
        action="append",
        default=[],
        metavar="NAME:PASSWORD",
        help="accept only this SMTP login (repeatable; default: any login). Other users of "
        "this computer can read it in the process list: use it for throwaway passwords only, "
        "else --user-file",
    )
    # The two files stay strings here (pathlib is not imported for --help); the command
    # makes them paths.
    add(
        "--user-file",
        metavar="PATH",
        help="accept only the logins in this file, one NAME:PASSWORD a line; - reads them "
        "from standard input. The file must be readable by you alone (chmod 600)",
    )
    add(
        "--token",
        metavar="TOKEN",
        help="accept only this REST token (default: any token). Other users of this computer "
        "can read it in the process list: use it for a throwaway token only, else --token-file",
    )
    add(
        "--token-file",
        metavar="PATH",
        help="accept only the REST token in this file (its first line); - reads it from "
        "standard input. The file must be readable by you alone (chmod 600)",
    )
    add(
        "--sender-domain",
        action="append",
        default=[],
        metavar="DOMAIN",
        help="accept only mail From this domain (repeatable; default: any)",
    )
    add(
        "--fault",
        action="append",
        default=[],
        metavar="SPEC",
        help="misbehave on purpose, e.g. reject=*@bad.example, after-data=451, auth=535, "
        "rest=429:30, delay=greeting:2, drop=mid-data, drop=after-data, no-starttls "
        "(repeatable)",
    )
