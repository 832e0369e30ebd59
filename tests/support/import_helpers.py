"""A journal holding every kind, made as a person would, with hand edits; for export and import."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

HAND_EDIT = '# written by hand, kept by trustlog\nweather = "rain"\n'
OTHER_KIND = (
    '+++\nkind = "dream"\nid = "zz9zz"\ndate = 2026-11-03\nvivid = true\n+++\nA house by the sea.\n'
)


def every_kind(cli: Callable[..., Any], home: Path) -> dict[str, str]:
    """One entry of each kind (a private check-in too), a profile, a hand-edited file and an
    entry of a kind this version does not know. Returns some ids by name."""
    assert cli("init", "--name", "Zoë", "--partner", "Sam", "--role", "hurt").exit_code == 0
    ids: dict[str, str] = {}
    ids["checkin"] = cli(
        "checkin", "--date", "2026-11-02", "--mood", "3", "--trust", "4", "--feeling", "shaky",
        "--grateful", "tea ☕", "--argument", "money", "--note", "We talked.\n\n+++\nStill here.",
        "--json",
    ).json()["id"]  # fmt: skip
    ids["private"] = cli(
        "checkin", "--date", "2026-11-03", "--mood", "1", "--note", "only for me", "--private",
        "--json",
    ).json()["id"]  # fmt: skip
    ids["trigger"] = cli(
        "trigger", "--at", "2026-11-04 19:00", "--what", "Sam's phone lit up",
        "--intensity", "6", "--resolved-at", "2026-11-04 19:40", "--no-timer", "--json",
    ).json()["id"]  # fmt: skip
    apology = cli(
        "apology", "draft", "--did", "I lied about Friday", "--impact", "You felt foolish",
        "--responsibility", "It was my choice", "--amends", "I will tell you first",
        "--promise", "Text if I'm running late", "--json",
    ).json()  # fmt: skip
    ids["apology"] = apology["id"]
    promise = cli("promise", "add", "Call at lunch", "--start", "2026-11-01", "--json").json()
    ids["promise"] = promise["id"]
    assert cli("promise", "kept", promise["id"], "--date", "2026-11-02").exit_code == 0
    assert cli("contract", "write", "--mine", "Be home by six", "--theirs", "Say when it hurts",
               "--revisit", "2026-12-24", "--json").exit_code == 0  # fmt: skip
    assert cli("agreement", "add", "Tell each other about messages from exes within a day",
               "--area", "communication", "--json").exit_code == 0  # fmt: skip
    assert cli("support", "add", "Ana, 0612345678").exit_code == 0
    assert cli("ritual", "log", "repair", "--date", "2026-11-08", "--minutes", "25",
               "--json").exit_code == 0  # fmt: skip
    assert cli("ritual", "plan", "--repair", "sun 19:00").exit_code == 0
    checkin_file = next(home.glob(f"2026/11/*-checkin-{ids['checkin']}.md"))
    text = checkin_file.read_text()
    closing = text.index("+++", 3)
    checkin_file.write_text(text[:closing] + HAND_EDIT + text[closing:])
    (home / "2026" / "11" / "2026-11-03-dream-zz9zz.md").write_text(OTHER_KIND)
    return ids


def exported(cli: Callable[..., Any], *flags: str) -> dict[str, Any]:
    run = cli("export", "--format", "json", "--output", "-", *flags)
    assert run.exit_code == 0, run.stderr
    return json.loads(run.stdout)  # type: ignore[no-any-return]


def journal_files(home: Path) -> dict[str, bytes]:
    """Every entry file and the settings, by path: what an import must bring back exactly."""
    return {
        p.relative_to(home).as_posix(): p.read_bytes()
        for p in home.rglob("*")
        if p.is_file() and p.suffix in (".md", ".toml") and "cache" not in p.parts
    }
