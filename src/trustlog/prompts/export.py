"""The questions of `trustlog export`: the person's agenda, and whether to write the file."""

from __future__ import annotations

from trustlog.prompts.seam import Ask

AGENDA_QUESTION = "What do you want to talk about?"
MOST_TOPICS = 10


def ask_agenda(ask: Ask) -> list[str]:
    """Topics for the session, one at a time; Enter on an empty line ends the list."""
    topics: list[str] = []
    while len(topics) < MOST_TOPICS:
        hint = "(a topic, or Enter to skip)" if not topics else "(another, or Enter when done)"
        topic = ask.text(AGENDA_QUESTION if not topics else "Anything else?", hint=hint)
        if topic is None:
            break
        topics.append(topic.strip())
    return topics


def ask_write(ask: Ask) -> bool:
    return ask.confirm("Write it?", default=True)
