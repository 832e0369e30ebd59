"""Stand-ins for the program's seams, shared by the unit tests."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Question:
    """One question a routine asked, with everything it offered."""

    how: str  # text, number, confirm, choose or key
    message: str
    default: Any = None
    hint: str | None = None
    low: int | None = None
    high: int | None = None
    choices: tuple[str, ...] = ()  # the values offered by `choose` or `key`
    completions: tuple[str, ...] = ()  # offered while typing a `text`


class Scripted:
    """The prompts seam (`prompts.seam.Ask`) answering from a script, in order.

    It remembers every question in `asked`, fails loudly when the script runs
    out, and refuses to pick a value that `choose` did not offer, so a routine
    cannot pass by asking fewer questions, or other ones, than its test expects.
    """

    def __init__(self, *answers: Any) -> None:
        self.answers = list(answers)
        self.asked: list[Question] = []

    @property
    def messages(self) -> list[str]:
        return [question.message for question in self.asked]

    @property
    def hows(self) -> list[str]:
        return [question.how for question in self.asked]

    def _next(self, question: Question) -> Any:
        self.asked.append(question)
        assert self.answers, f"no answer left for {question.message!r}"
        return self.answers.pop(0)

    def text(
        self,
        message: str,
        default: str | None = None,
        hint: str | None = None,
        completions: Sequence[str] = (),
    ) -> str | None:
        answer: str | None = self._next(
            Question("text", message, default, hint, completions=tuple(completions))
        )
        return answer

    def number(
        self, message: str, low: int, high: int, default: int | None = None, hint: str | None = None
    ) -> int | None:
        answer: int | None = self._next(Question("number", message, default, hint, low, high))
        return answer

    def confirm(self, message: str, default: bool = False) -> bool:
        return bool(self._next(Question("confirm", message, default)))

    def choose(
        self, message: str, choices: Sequence[tuple[str, str]], default: str | None = None
    ) -> str:
        values = tuple(value for value, _ in choices)
        answer = str(self._next(Question("choose", message, default, choices=values)))
        assert answer in values, f"{answer!r} is not one of {values} for {message!r}"
        return answer

    def key(self, message: str, choices: Sequence[tuple[str, str, str]], default: str) -> str:
        values = tuple(value for _, value, _ in choices)
        answer = str(self._next(Question("key", message, default, choices=values)))
        assert answer in values, f"{answer!r} is not one of {values} for {message!r}"
        return answer
