"""The one place that asks a person questions.

`can_prompt` decides whether asking is allowed at all: only when stdin and
stdout are terminals and `--no-input` was not given. `Asker` wraps
questionary, imported only when a question is really asked (it costs tens of
milliseconds at start-up). Unit tests hand routines a scripted asker instead;
end-to-end tests drive the real one in a pseudo-terminal.

A question longer than the terminal is wide is laid out here (`lay_out`),
broken between words, because prompt_toolkit breaks it wherever the line
runs out ("Enter to ski / p").

Every question can be skipped with Enter (answer: None). Ctrl-C raises
KeyboardInterrupt. Before anything was answered, the command layer turns it
into exit 130 with nothing saved; once something was, a routine asks
`keep_so_far` first, because someone flooded should be able to stop without
losing what they typed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from trustlog.render import layout

QMARK = "›"
# Columns left free after a question for the answer to start on the same line:
# prompt_toolkit breaks a typed answer wherever the line ends.
TEXT_ROOM = 24
NUMBER_ROOM = 4


def can_prompt(no_input: bool = False) -> bool:
    return not no_input and sys.stdin.isatty() and sys.stdout.isatty()


def ask_secret(message: str) -> str:
    """A passphrase, typed without being shown; asked on the terminal itself, not stdout,
    so a `--json` run can ask it too. The standard library's getpass does exactly this."""
    import getpass

    try:
        return getpass.getpass(f"{message} ", stream=sys.stderr)
    except (KeyboardInterrupt, EOFError):
        sys.stderr.write("\n")  # getpass leaves the line open: the message starts afresh
        raise KeyboardInterrupt from None


class Ask(Protocol):
    def text(
        self,
        message: str,
        default: str | None = None,
        hint: str | None = None,
        completions: Sequence[str] = (),
    ) -> str | None:
        """Free text; None when skipped. `completions` are offered as the person types
        (matching anywhere, case aside; after a ";", for the next item of a list)."""

    def number(
        self, message: str, low: int, high: int, default: int | None = None, hint: str | None = None
    ) -> int | None:
        """A whole number in [low, high]; None when skipped."""

    def confirm(self, message: str, default: bool = False) -> bool: ...

    def choose(
        self, message: str, choices: Sequence[tuple[str, str]], default: str | None = None
    ) -> str:
        """One of `choices` (value, label); returns the value."""

    def key(self, message: str, choices: Sequence[tuple[str, str, str]], default: str) -> str:
        """One keypress: `choices` are (key, value, label); Enter gives `default`."""


KEEP_SO_FAR = "Keep what you have so far?"


def keep_so_far(ask: Ask) -> None:
    """After Ctrl-C, once something was answered: returns to keep it (Enter), else leaves.

    Saying no, or a second Ctrl-C, raises KeyboardInterrupt: exit 130, nothing saved.
    """
    if not ask.confirm(KEEP_SO_FAR, default=True):
        raise KeyboardInterrupt


class Asker:
    """Questions asked with questionary, in the terminal."""

    def __init__(self) -> None:
        import questionary  # heavy: only when we really ask

        self._q = questionary
        self._style = questionary.Style(
            [("qmark", "fg:ansicyan"), ("instruction", "fg:ansibrightblack")]
        )

    def _ask(self, question: Callable[..., Any], message: str, **settings: Any) -> Any:
        """A questionary `question` asked in trustlog's style: the same mark and colours
        for every question, and Ctrl-C raised, not swallowed (`unsafe_ask`)."""
        return question(message, style=self._style, qmark=QMARK, **settings).unsafe_ask()

    def text(
        self,
        message: str,
        default: str | None = None,
        hint: str | None = None,
        completions: Sequence[str] = (),
    ) -> str | None:
        message, hint = lay_out(message, hint, _columns(), answer=TEXT_ROOM)
        offered: dict[str, Any] = {}
        if completions:
            offered = {"completer": _completer(completions), "complete_while_typing": True}
        answer = self._ask(
            self._q.text, message, default=default or "", instruction=hint, **offered
        )
        return answer if answer and answer.strip() else None

    def number(
        self, message: str, low: int, high: int, default: int | None = None, hint: str | None = None
    ) -> int | None:
        hint = hint or f"({low}–{high}, Enter to skip)"
        message, hint = lay_out(message, hint, _columns(), answer=NUMBER_ROOM)
        answer = self._ask(
            self._q.text,
            message,
            default="" if default is None else str(default),
            instruction=hint,
            validate=_number_validator(low, high),
        )
        return int(answer) if answer and answer.strip() else None

    def confirm(self, message: str, default: bool = False) -> bool:
        message = lay_out(message, "(y/N)", _columns(), gap=1, answer=NUMBER_ROOM)[0]
        return bool(self._ask(self._q.confirm, message, default=default))

    def choose(
        self, message: str, choices: Sequence[tuple[str, str]], default: str | None = None
    ) -> str:
        options = [self._q.Choice(title=label, value=value) for value, label in choices]
        message = lay_out(message, "(Use arrow keys)", _columns(), gap=1)[0]
        # Only the arrow keys move the choice: questionary's j/k (vi) keys would let letters
        # typed ahead, meant for the next question, change an answer (a promise saved as
        # broken). No letter shortcuts either, for the same reason; Ctrl-N/P stay.
        return str(
            self._ask(
                self._q.select,
                message,
                choices=options,
                default=default,
                use_jk_keys=False,
                use_shortcuts=False,
            )
        )

    def key(self, message: str, choices: Sequence[tuple[str, str, str]], default: str) -> str:
        # questionary has no one-key choice; this is its confirm prompt with more keys.
        from prompt_toolkit import PromptSession
        from prompt_toolkit.formatted_text import FormattedText
        from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
        from prompt_toolkit.keys import Keys

        labels = {value: label for _, value, label in choices}
        instruction = "(" + " · ".join(f"{key} {label}" for key, _, label in choices) + ")"
        message, laid = lay_out(message, instruction, _columns(), gap=1, answer=NUMBER_ROOM)
        instruction = laid or instruction
        status: dict[str, str | None] = {"answer": None}

        def tokens() -> FormattedText:
            shown = [("class:qmark", "›"), ("class:question", f" {message} ")]
            if status["answer"] is None:
                shown.append(("class:instruction", f"{instruction} "))
            else:
                shown.append(("class:answer", labels[status["answer"]]))
            return FormattedText(shown)

        bindings = KeyBindings()

        @bindings.add(Keys.ControlC, eager=True)
        def _stop(event: KeyPressEvent) -> None:
            event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

        @bindings.add(Keys.ControlM, eager=True)
        def _enter(event: KeyPressEvent) -> None:
            status["answer"] = default
            event.app.exit(result=default)

        for key, value, _ in choices:

            def pressed(event: KeyPressEvent, value: str = value) -> None:
                status["answer"] = value
                event.app.exit(result=value)

            bindings.add(key.lower())(pressed)
            bindings.add(key.upper())(pressed)

        @bindings.add(Keys.Any)
        def _other(event: KeyPressEvent) -> None:
            """Other keys do nothing."""

        session: PromptSession[str] = PromptSession(
            tokens, key_bindings=bindings, style=self._style
        )
        return str(session.app.run())


def _completer(choices: Sequence[str]) -> object:
    """A prompt_toolkit completer offering `choices` for what is typed after the last ";",
    matching anywhere in a choice, case aside (typing "phone" offers "my phone at dinner")."""
    from prompt_toolkit.completion import Completer, Completion

    class Choices(Completer):
        def get_completions(self, document, complete_event):  # type: ignore[no-untyped-def]
            typed = document.text_before_cursor.rsplit(";", 1)[-1]
            wanted = typed.strip().casefold()
            if not wanted:
                return
            for choice in choices:
                if wanted in choice.casefold() and choice.casefold() != wanted:
                    yield Completion(choice, start_position=-len(typed.lstrip()))

    return Choices()


def _columns() -> int | None:
    return layout.width(sys.stdout)


def lay_out(
    message: str, hint: str | None, columns: int | None, gap: int = 2, answer: int = 0
) -> tuple[str, str | None]:
    """The question and its hint, with line breaks between words where the terminal needs them.

    questionary draws "› message" then `gap` spaces then the hint (or its own
    "(y/N)"), then the answer, on one line. When that does not fit with
    `answer` columns to spare, the message is wrapped under its first word, and
    a hint that does not fit after its last line goes on a line of its own,
    wrapped the same way (so does the answer, when there is no hint).
    """
    indent = " " * (len(QMARK) + 1)
    end = gap + len(hint) if hint else 1
    if columns is None or len(indent) + len(message) + end + answer < columns:
        return message, hint
    import textwrap

    room = max(columns - len(indent) - 1, 20)  # - 1: the space questionary adds after it

    def wrapped(text: str) -> list[str]:
        return textwrap.wrap(text, room, break_long_words=False, break_on_hyphens=False) or [text]

    lines = wrapped(message)
    message = f"\n{indent}".join(lines)
    if len(indent) + len(lines[-1]) + end + answer >= columns:
        # questionary puts `gap` spaces before the hint (one before the answer):
        # the new line starts with what it takes to line it up under the question.
        message += "\n" + " " * (len(indent) - (gap if hint else 1))
        if hint:
            hint = f"\n{indent}".join(wrapped(hint))
    return message, hint


def _number_validator(low: int, high: int) -> Callable[[str], bool | str]:
    def check(text: str) -> bool | str:
        if not text.strip():
            return True
        try:
            number = int(text.strip())
        except ValueError:
            return f"A whole number from {low} to {high}, please (or Enter to skip)."
        if not low <= number <= high:
            return f"A whole number from {low} to {high}, please (or Enter to skip)."
        return True

    return check
