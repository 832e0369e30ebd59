"""The questions of `trustlog init`: each setting, starting from the current one."""

from __future__ import annotations

from trustlog.domain.profile import ROLE_WORDS, ROLES, Profile
from trustlog.prompts.seam import Ask

SKIP = "(Enter to skip)"


def ask_profile(ask: Ask, now: Profile) -> Profile:
    return Profile(
        name=ask.text("What should trustlog call you?", default=now.name, hint=SKIP),
        partner=ask.text("Your partner's name?", default=now.partner, hint=SKIP),
        role=ask.choose(
            "Which fits you best?",
            [(value, ROLE_WORDS[value]) for value in ROLES],
            default=now.role or "both",
        ),
        stop_word=ask.text(
            "An agreed stop word, to pause a talk that floods either of you?",
            default=now.stop_word,
            hint=SKIP,
        ),
    )
