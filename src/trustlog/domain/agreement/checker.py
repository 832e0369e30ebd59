"""The agreement checker: a table of rules that point out vague wording, gently.

An agreement both people can keep names who does what, and when: "tell each
other about any messages from exes within 24 hours", not "be more honest".
Rules read a sentence at a time (core/rules.py); most stay quiet when the
sentence already says when or how often (`CONCRETE`). To teach the checker
something new, add a `Rule` and a vague and a specific example to the table
in tests/agreement/test_agreement_check.py.
"""

from __future__ import annotations

from trustlog.domain.core.rules import Finding, LazyPattern, Rule, drop_match, find

PART = "text"
PARTS = frozenset({PART})
EXAMPLE = "“Tell each other about any messages from exes within 24 hours.”"
SUGGESTION = f"Say who does what, and by when: {EXAMPLE}"

WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?"
NUMBER = r"(?:\d+|an?|one|two|three|four|five|six|seven|ten|twelve|twenty-four)"

# A when, a how often, a how much or a limit: what makes an agreement checkable.
CONCRETE = LazyPattern(
    "|".join(
        [
            rf"\bwithin\s+{NUMBER}\s+(?:minutes?|hours?|days?|weeks?)\b",
            r"\b(?:every|each)\s+(?!other\b|one\b)\w+",
            r"\b(?:daily|weekly|nightly|monthly|weekdays|weekends|tonight|today|tomorrow)\b",
            rf"\b(?:before|after|by|until|till|from)\s+(?:\d|{WEEKDAY}|(?:jan|feb|mar|apr|may|jun|jul"
            r"|aug|sep|oct|nov|dec)\w*|midnight|noon|dinner|bed)",
            rf"\b{WEEKDAY}\b",
            r"\b(?:once|twice|\d+\s+times?)\s+(?:a|an|per|each|every)\s+\w+",
            r"\b(?:more|less|fewer)\s+than\s+\S+",
            r"\b(?:at\s+most|at\s+least|no\s+more\s+than|up\s+to)\s+\S+",
            r"\b\d+(?:[:.]\d+)?\s*(?:am|pm|minutes?|hours?|days?|drinks?|euros?|dollars?|pounds?)\b",
            r"[$€£]\s*\d",
            r"\b(?:when|whenever|as\s+soon\s+as|the\s+same\s+day|right\s+away|straight\s+away)\b",
        ]
    )
)

BE_MORE = r"\bbe\s+(?:more|less|a\s+lot\s+more|much\s+more)\s+\w+"
# One note per phrase: "be more honest" is the be-more rule's to point out.
CONCRETE_OR_BE_MORE = LazyPattern(f"{CONCRETE.source}|{BE_MORE}")

A = "['’]"
# How a person should be, with nothing anyone could see being done: "be sensible",
# "don't be shady", "keep things civil". "Be home by 10" names a when and stays quiet.
MANNER = (
    r"(?:nice|kind|good|careful|sensible|responsible|mature|fair|decent|loyal|faithful|discreet"
    r"|civil|calm|polite|patient|gentle|mindful|thoughtful|attentive|present|available"
    r"|accountable|genuine|real|upfront|up\s+front|straight|clear|reliable|smart|wise|adult"
    r"|grown-up|sneaky|shady|secretive|weird|cagey|dodgy|evasive|defensive|jealous|controlling"
    r"|suspicious|cold|distant|rude|mean|harsh|cruel|reckless|careless|silly|stupid|crazy|dramatic"
    r"|clean|cool|chill|light|friendly|positive|normal|proper|above\s+board|on\s+track|simple"
    r"|under\s+control|in\s+check|tidy|sane|low-key|low\s+key|okay|ok|fine|safe)"
)
CONDUCT = (
    rf"\b(?:(?:don{A}t|do\s+not|never|let{A}s|let\s+us|always|both|we(?:{A}ll|\s+will|\s+should))\s+)?"
    rf"(?:be|being|stay|staying|act|acting|remain|play|get)\s+(?:\w+ly\s+|more\s+|less\s+|so\s+)?{MANNER}\b"
    rf"|\bkeep(?:ing)?\s+(?:things|it|everything|stuff|this|that|us|ourselves|each\s+other)"
    rf"\s+(?:\w+ly\s+)?{MANNER}\b"
    r"|\b(?:no|stop|avoid|without)\s+(?:the\s+|any\s+)?(?:drama|games|funny\s+business|nonsense"
    r"|shenanigans|bad\s+behaviou?r|monkey\s+business)\b"
    r"|\b(?:behave|act\s+like\s+(?:adults|grown-?ups)|grow\s+up|treat\s+each\s+other"
    r"\s+(?:well|right|better|properly|with\s+care))\b"
    rf"|\b(?:don{A}t|do\s+not|never|no)\s+(?:be|being)\s+(?:a\s+|an\s+)?(?!home\b|late\b|out\b"
    r"|alone\b|on\b|in\b|at\b|with\b|near\b|there\b|away\b|back\b|gone\b|the\b|drunk\b"
    r"|online\b)\w+"
)

# One note per phrase: "keep things civil" is the conduct rule's to point out.
CONCRETE_OR_CONDUCT = LazyPattern(f"{CONCRETE.source}|{CONDUCT}")

RULES: tuple[Rule, ...] = (
    Rule(
        name="be-more",
        category="vague",
        parts=PARTS,
        pattern=LazyPattern(BE_MORE),
        why="“Be more …” is a direction, not something either of you can see being kept.",
        suggestion=SUGGESTION,
    ),
    Rule(
        name="try",
        category="vague",
        parts=PARTS,
        pattern=LazyPattern(
            r"\b(?:try|tries|trying)(?:\s+(?:our|my|your|their)\s+best|\s+harder|\s+hard)?"
            r"(?:\s+to\b)?"
        ),
        why="“Try” leaves room not to; an agreement says what each of you will do.",
        suggestion="Leave out the “try”, and say when.",
        rewrite=drop_match,
    ),
    Rule(
        name="more-less",
        category="vague",
        parts=PARTS,
        # "more than once a week", "no more than two" are measured: they stay quiet.
        pattern=LazyPattern(
            r"(?<!\bbe\s)(?<!\bno\s)(?<!\bany\s)(?<!\bonce\s)"
            r"\b(?:more|less|fewer|better|worse)\b(?!\s+than\b)(?!\s+often\s+than\b)"
        ),
        why="More, less or better than what? Without a measure you may each read it differently.",
        suggestion="Give it a number or a time: how often, how much, by when.",
        unless_sentence=CONCRETE,
    ),
    Rule(
        name="respect",
        category="vague",
        parts=PARTS,
        pattern=LazyPattern(r"\b(?:respect(?:s|ed|ing|ful|fully)?|disrespect\w*)\b"),
        why="Respect looks different to each of you; the agreement can name what it looks like.",
        suggestion="Name the action: “Ask before reading each other's messages.”",
        unless_sentence=CONCRETE_OR_BE_MORE,
    ),
    Rule(
        name="ideal",
        category="vague",
        parts=PARTS,
        pattern=LazyPattern(
            r"\b(?:honest(?:y|ly)?|transparen(?:t|tly|cy)|trustworthy|appropriate(?:ly)?"
            r"|reasonabl[ey]|considerate|supportive|open\s+(?:book|with)|be\s+open"
            r"|communicate|as\s+much\s+as\s+(?:possible|we\s+can)|when(?:ever)?\s+possible"
            r"|if\s+possible|too\s+much)\b"
        ),
        why="A value to live by, but not yet something you can both check: there is no "
        "who, what or when.",
        suggestion=SUGGESTION,
        unless_sentence=CONCRETE_OR_BE_MORE,
    ),
    Rule(
        name="conduct",
        category="vague",
        parts=PARTS,
        pattern=LazyPattern(CONDUCT),
        why="This names how to be, not something either of you could see being done: "
        "no act, channel, amount or time.",
        suggestion="Name the act that would show it: “Tell each other before spending over "
        "€50”, “Answer a text within an hour”.",
        unless_sentence=CONCRETE_OR_BE_MORE,
    ),
    Rule(
        name="how-often",
        category="vague",
        parts=PARTS,
        pattern=LazyPattern(
            r"\b(?:regularly|often|frequently|sometimes|occasionally|from\s+time\s+to\s+time"
            r"|now\s+and\s+then|(?:as|if)\s+(?:needed|necessary)|as\s+soon\s+as\s+possible)\b"
        ),
        why="How often is that? Each of you may picture something quite different.",
        suggestion="Name the times: “Check in by text at lunch and when leaving work.”",
        unless_sentence=CONCRETE,
    ),
    Rule(
        name="no-when",
        category="vague",
        parts=PARTS,
        # What to share or do, left open: which things, told when?
        pattern=LazyPattern(
            r"\b(?:things|stuff|everything|informed|in\s+the\s+loop|secrets?"
            r"|there\s+for\s+(?:each\s+other|one\s+another|me|you|us)"
            r"|on\s+the\s+same\s+page|make\s+an\s+effort|work\s+on\s+(?:it|us|this|things))\b"
        ),
        why="It is not yet clear what this covers, or when: there is no who, what or when "
        "to check it by.",
        suggestion=SUGGESTION,
        unless_sentence=CONCRETE_OR_CONDUCT,
    ),
)


def check(text: str) -> list[Finding]:
    """What the checker would point out in an agreement's wording, in reading order."""
    return find(RULES, PART, text)
