"""Every command of trustlog, walked the way the command line finds them (lazily)."""

from __future__ import annotations

from typing import Any

import typer

from trustlog.cli.app import app


def every_command() -> list[tuple[list[str], Any]]:
    """(path, click command) for every command and subcommand, in help order."""
    root = typer.main.get_command(app)
    found: list[tuple[list[str], Any]] = []

    def walk(command: Any, path: list[str]) -> None:
        ctx = typer.Context(command)
        names = command.list_commands(ctx) if hasattr(command, "list_commands") else []
        for name in names:
            sub = command.get_command(ctx, name)
            found.append(([*path, name], sub))
            walk(sub, [*path, name])

    walk(root, [])
    return found
