"""The one pair of consoles: stdout for data, stderr for talk.

rich is imported only when something is drawn for a person; `--json` output
and `--help` do without it.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


@dataclass
class Output:
    no_color: bool = False

    @property
    def color(self) -> bool:
        return not (self.no_color or os.environ.get("NO_COLOR"))

    def _console(self, stderr: bool) -> Console:
        from rich.console import Console
        from rich.theme import Theme

        theme = Theme(
            {
                "muted": "bright_black",
                "good": "green",
                "warn": "yellow",
                "bad": "red",
                "accent": "cyan",
                "title": "bold",
            }
        )
        return Console(stderr=stderr, no_color=not self.color, theme=theme, highlight=False)

    @cached_property
    def out(self) -> Console:
        return self._console(stderr=False)

    @cached_property
    def err(self) -> Console:
        return self._console(stderr=True)

    def json(self, data: Any) -> None:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")

    def say(self, message: str) -> None:
        """A short message for the person, on stderr."""
        self.err.print(message)
