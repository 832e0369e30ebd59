"""What `trustlog import` shows: a progress bar in a terminal, then what was imported."""

from __future__ import annotations

from contextlib import AbstractContextManager

from trustlog.domain.imports.model import Imported
from trustlog.render import words
from trustlog.render.export.wording import kind_count
from trustlog.render.output import Output, picked
from trustlog.render.progress import Told, bar

# The keys of `import --json`, in order (CONTRACT.md).
JSON_KEYS = (
    "imported",
    "skipped",
    "by_kind",
    "conflicts",
    "profile_set",
    "profile_kept",
    "partial",
)
# Below this many entries an import is over before a bar could be read.
BAR_FROM = 500


def progress(output: Output) -> AbstractContextManager[Told | None]:
    """A bar on stderr while an import checks, then saves, its entries (a terminal only)."""
    return bar(output, "Checking entries", then="Saving them", least=BAR_FROM)


def imported(output: Output, result: Imported, json: bool = False) -> None:
    if json:
        conflicts = [picked(c, "id", "kind", "date", "yours") for c in result.conflicts]
        output.json(picked(result, *JSON_KEYS) | {"conflicts": conflicts})
        return
    counts = [kind_count(kind, n) for kind, n in sorted(result.by_kind.items())]
    if result.imported:
        output.say(f"Imported {', '.join(counts)}.")
    else:
        output.say("Nothing new to import.")
    if result.skipped:
        output.say(
            f"Skipped {words.count(result.skipped, 'entry', 'entries')} your journal "
            "already has, exactly as in the file."
        )
    if result.conflicts:
        yours = ", ".join(c.yours for c in result.conflicts[:8])
        more = ", ..." if len(result.conflicts) > 8 else ""
        one = len(result.conflicts) == 1
        output.say(
            f"Not imported: {words.count(len(result.conflicts), 'entry', 'entries')} whose "
            f"place your journal already fills with something else. "
            f"{'Yours was' if one else 'Yours were'} kept, unchanged: {yours}{more}."
        )
    if result.profile_kept:
        kept = [PROFILE_WORDS.get(name, name) for name in result.profile_kept]
        said = kept[0] if len(kept) == 1 else f"{', '.join(kept[:-1])} and {kept[-1]}"
        it, other = ("it", "another") if len(kept) == 1 else ("them", "others")
        output.say(f"Your {said} stayed as you set {it}; the file gives {other}.")
    if result.partial:
        output.say(_partial(result.partial))


PROFILE_WORDS = {"partner": "partner's name", "stop_word": "stop word"}
PARTIAL = {
    "private": "without private entries",
    "only": "with only some kinds (--only)",
    "redacted": "with some words hidden (--redact)",
    "dates": "for some dates only (--from, --to)",
}


def _partial(left: list[str]) -> str:
    said = [PARTIAL.get(name, name) for name in left]
    return f"That file was exported {', '.join(said)}: it is not the whole journal."
