"""The apology checker's rules: what can get in the way of an apology, and kinder ways to say it.

How a rule table is read (a sentence at a time, exceptions, rewrites) is in
core/rules.py; checker.py runs this table over each part and says what a part
left empty misses. To teach the checker something new, add a `Rule` to
`RULES` and a good and a bad example to the tests.
"""

from __future__ import annotations

import re

from trustlog.domain.core.rules import LazyPattern, Rule, drop_clause, drop_match

PARTS = ("did", "impact", "responsibility", "amends")
ALL = frozenset(PARTS)

# A typed apostrophe may be straight or curly.
A = "['’]"
WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
I_WILL = rf"\bI(?:{A}ll|\s+will|\s+shall|{A}m\s+going\s+to|\s+am\s+going\s+to|\s+promise\s+to)"


def _without_if(sentence: str, match: re.Match[str]) -> str:
    """Turns "I'm sorry if I hurt you" into "I'm sorry I hurt you" (only "sorry" reads well so)."""
    if match.group(1).lower() != "sorry":
        return sentence
    return sentence[: match.start()] + match.group(1) + sentence[match.end() :]


def _without_try(sentence: str, match: re.Match[str]) -> str:
    """Turns "I'll try to call" into "I'll call"."""
    kept = match.group(1) or match.group(2)
    if kept is None:
        return sentence
    return sentence[: match.start()] + kept + sentence[match.end() :]


def _re(pattern: str) -> LazyPattern:
    return LazyPattern(pattern)


# A concrete step: a when, a how often, a condition, or a real action.
CONCRETE = _re(
    "|".join(
        [
            r"\b(?:every|each)\s+\w+",
            r"\b(?:daily|weekly|nightly|monthly|tonight|tomorrow|today|from\s+now\s+on\s+I\b)",
            rf"\b(?:this|next)\s+(?:week|weekend|month|morning|evening|{WEEKDAY})\b",
            rf"\b{WEEKDAY}s?\b",
            r"\b(?:at|by|before|after|until)\s+\d{1,2}(?:[:.]\d{2})?\b",
            r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)\b",
            r"\b(?:when|whenever|if|before|as\s+soon\s+as)\s+I\b",
            r"\bwithin\s+(?:an?|\d+|one|two|three|a\s+few)\s+(?:minutes?|hours?|days?)\b",
            r"\b(?:therapist|therapy|counsell?or|counsell?ing|appointment|session)\b",
            r"\b(?:booked|scheduled|deleted|blocked|cancell?ed|signed\s+up)\b",
            I_WILL
            + r"\s+(?:also\s+)?(?!try\b|be\b|do\b|change\b|improve\b|work\b|make\b|never\b|not\b"
            r"|always\b|prove\b|earn\b|fix\b|get\b|become\b|grow\b|learn\b|really\b|just\b"
            r"|keep\b|show\s+you\b|treat\b|love\b|respect\b|think\b)\w+",
        ]
    )
)

# "nothing but", "all but": "but" meaning "except".
NOT_EXCEPT = r"(?<!nothing\s)(?<!anything\s)(?<!everything\s)(?<!all\s)"
NOT_ONLY = _re(r"\bnot\s+(?:only|just|merely|simply)\b")

# After "you": words about their side that are no counter-accusation ("you also felt alone").
_ABOUT_THEM = (
    r"(?:know|knew|deserve|deserved|need|needed|want|wanted|felt|feel|trusted|trust|loved|love"
    r"|asked|matter|mattered|lost|had\s+to|have\s+to|(?:were|are)\s+(?:hurt|hurting|upset|scared"
    r"|sad|lonely|worried|humiliated|alone|angry|right))\b"
)
_BLAMELESS = r"(?:perfect|innocent|blameless|faultless|a\s+saint|an\s+angel)\b"

SPECIFIC_ACTION_EXAMPLE = "“I'm sorry I lied to you about where I was on Friday night.”"

RULES: tuple[Rule, ...] = (
    # -- non-apologies -------------------------------------------------------
    Rule(
        name="sorry-you-feel",
        category="non-apology",
        parts=ALL,
        pattern=_re(
            rf"\bsorry\s+(?:that\s+)?you(?:\s+|{A})(?:feel|felt|are\s+feeling|re\s+feeling"
            r"|were\s+feeling|feel\s+that\s+way|see\s+it|saw\s+it|took\s+it|take\s+it"
            r"|(?:are|re|were|got)\s+(?:hurt|upset|offended|bothered|angry|mad))\b"
        ),
        why="This is sorry for their feelings, not for what you did, so it can sound like blame.",
        suggestion="Name your own action instead: “I'm sorry I …”.",
    ),
    Rule(
        name="sorry-if",
        category="non-apology",
        parts=ALL,
        pattern=_re(r"\b(sorry|apologi[sz]e|regret\s+it)\s*,?\s+if\b"),
        why="“If” makes the hurt sound uncertain, when it did happen.",
        suggestion="Leave out the “if”.",
        rewrite=_without_if,
    ),
    Rule(
        name="mistakes-were-made",
        category="non-apology",
        parts=ALL,
        pattern=_re(
            r"\b(?:mistakes|errors|things|words|lies)\s+(?:were|have\s+been|had\s+been|got)"
            r"\s+(?:made|said|done|told)\b"
        ),
        why="Said this way, nobody made the mistake; an apology needs the person who did.",
        suggestion="Say it in your own voice: “I made a mistake when I …”.",
    ),
    Rule(
        name="any-hurt",
        category="non-apology",
        parts=ALL,
        pattern=_re(
            r"\b(?:any\s+(?:hurt|pain|harm|offen[cs]e|upset|inconvenience)"
            r"|(?:may|might|could)\s+have\s+(?:hurt|caused|upset|offended|harmed))\b"
        ),
        why="“Any hurt I may have caused” leaves open whether there was hurt at all.",
        suggestion="Say it was real: “I hurt you when I …”.",
    ),
    # -- blame-shifting ------------------------------------------------------
    Rule(
        name="but",
        category="blame",
        parts=frozenset({"responsibility"}),
        pattern=_re(NOT_EXCEPT + r"\bbut\b(?!\s+also\b|\s+rather\b)"),
        why="A “but” tends to cancel what came before it, and the listener hears an excuse.",
        suggestion="Leave out the “but” and what it brings in.",
        unless_sentence=NOT_ONLY,
        rewrite=drop_clause,
    ),
    Rule(
        # In telling what happened, "You trusted me, but I lied" owns it; only a
        # "but" that turns to an excuse or to them is pointed out.
        name="but-excuse",
        category="blame",
        parts=frozenset({"did", "impact"}),
        pattern=_re(
            NOT_EXCEPT + r"\bbut\b(?=\s+(?:you\b"
            rf"|(?:it|that)\s+(?:was|wasn{A}t|is|isn{A}t)\b|honestly\b|at\s+least\b"
            r"|in\s+my\s+defen[cs]e\b"
            rf"|I\s+(?:was|wasn{A}t|didn{A}t\s+mean|never\s+meant|meant|had\s+to|felt|thought"
            rf"|only|just|couldn{A}t\s+help)\b))"
        ),
        why="A “but” that turns to an excuse tends to cancel what came before it.",
        suggestion="Leave out the “but” and what it brings in.",
        unless_sentence=NOT_ONLY,
        rewrite=drop_clause,
    ),
    Rule(
        name="if-you",
        category="blame",
        parts=ALL,
        # "if you want, I will …" is an offer, not blame.
        pattern=_re(
            rf"(?<!as\s)(?<!even\s)(?<!sorry\s)(?<!sorry,\s)\bif\s+you(?!{A}(?:d|ll)\s+(?:like|rather|prefer|let|allow|want|have)\b)"
            r"(?!\s+(?:ever\s+)?(?:want|wish|like|need|prefer|agree|allow|let\s+me|ask|choose"
            r"|decide|are\s+(?:willing|ready|open|comfortable|up\s+for)"
            rf"|would\s+(?:like|rather|prefer|let|allow)|feel\s+(?:ready|able|up\s+to)|can\b)\b)"
            rf"(?!{A}re\s+(?:willing|ready|open|comfortable|up\s+for)\b)\b"
        ),
        why="“If you …” moves part of the weight onto them, even when that isn't meant.",
        suggestion="Keep to your own part: “I chose to …”.",
    ),
    Rule(
        name="you-made-me",
        category="blame",
        parts=ALL,
        pattern=_re(
            r"\byou\s+(?:made|make|drove|drive|pushed|push|forced|force)\s+me\b"
            r"(?!\s+(?:a|an|the|some|dinner|breakfast|lunch|coffee|tea|smile|laugh|happy|feel\s+(?:loved|safe|welcome)))"
            r"|\byou\s+(?:left|gave)\s+me\s+no\s+(?:choice|option)\b"
        ),
        why="Whatever led up to it, what you did was your choice; this puts it on them.",
        suggestion="Say what you chose: “I chose to …”.",
    ),
    Rule(
        name="because-you",
        category="blame",
        parts=frozenset({"did", "responsibility", "amends"}),
        pattern=_re(
            r"\bbecause\s+(?:of\s+)?you(?:r)?\b(?!\s+(?:trusted|trust|deserve|deserved|believed|"
            r"counted|relied|rely|count|loved|love|needed|matter|mattered|asked)\b)"
        ),
        why="Giving their actions as the reason sounds like blame, even when you mean to explain.",
        suggestion="Leave their part out and stay with yours.",
        rewrite=drop_clause,
    ),
    Rule(
        name="we-both",
        category="blame",
        parts=frozenset({"did", "impact", "responsibility"}),
        pattern=_re(
            rf"\bwe(?:\s+were|\s+are|{A}re)?\s+both\b|\bboth\s+of\s+us\b|\bboth\s+to\s+blame\b"
            r"|\byou\s+(?:did|do|were)\s+(?:it\s+|that\s+)?too\b"
        ),
        why="This apology is about your part; theirs, if there is one, is a talk for another day.",
        suggestion="Speak only for yourself: “I …”.",
        rewrite=drop_clause,
    ),
    Rule(
        # "It wasn't all my fault": sharing the blame out, in the apology itself.
        name="shared-blame",
        category="blame",
        parts=frozenset({"did", "impact", "responsibility"}),
        pattern=_re(
            rf"\b(?:not|\w+n{A}t)\s+(?:all|entirely|completely|totally|wholly|solely|only|just|100%)"
            r"\s+(?:my\s+(?:fault|doing|choice)|on\s+me|down\s+to\s+me|me)\b"
            r"|\bit\s+takes\s+two\b|\b(?:partly|also|half|as\s+much)\s+(?:your|our)\s+fault\b"
            r"|\byour\s+fault\s+(?:too|as\s+well)\b|\bour\s+fault\b"
        ),
        why="Sharing out the blame takes back the responsibility the apology gives.",
        suggestion="Keep to your own part: “What I did was my choice.”",
        rewrite=drop_clause,
    ),
    Rule(
        # "…but you also went through my phone": their wrongs, answered in the same breath.
        name="counter-accusation",
        category="blame",
        parts=frozenset({"did", "impact", "responsibility"}),
        pattern=_re(
            r"\bto\s+be\s+fair\b|\bin\s+(?:all\s+)?fairness\b|\bin\s+my\s+defen[cs]e\b"
            rf"|\blet{A}s\s+not\s+forget\b|\bdon{A}t\s+forget\s+(?:that\s+)?you\b"
            rf"|\byou\s+also\s+(?!{_ABOUT_THEM})\w+"
            rf"|\byou\s+(?!{_ABOUT_THEM}|and\b|or\b|too\b)(?:\w+(?:{A}\w+)?\s+){{1,5}}?"
            r"(?:too|as\s+well|either)\b(?=\s*(?:[.,;:!?]|$))"
            rf"|\byou(?:{A}re|\s+are|\s+were)\s+(?:not|hardly|no)\s+(?:exactly\s+)?{_BLAMELESS}"
            rf"|\byou\s+(?:aren{A}t|weren{A}t)\s+(?:exactly\s+)?{_BLAMELESS}"
        ),
        why="Naming what they did, in the apology, turns it into a trade; they stop hearing yours.",
        suggestion="Keep to your own part; what they did is a talk for another day.",
        rewrite=drop_clause,
    ),
    Rule(
        name="conditions",
        category="blame",
        parts=ALL,
        pattern=_re(
            r"(?<!if\s)(?<!when\s)(?<!whenever\s)(?<!what\s)"
            r"\byou\s+(?:need|have|must|should|ought)\s+to\b(?!\s+know\b)|\byou\s+must\b"
        ),
        why="An apology asks nothing back; what they do next is theirs to choose.",
        suggestion="Say what you will do, and leave their side to them.",
    ),
    # -- minimising ----------------------------------------------------------
    Rule(
        name="just",
        category="minimising",
        parts=frozenset({"did", "impact", "responsibility"}),
        pattern=_re(r"(?<!not\s)\bjust\s+(?!as\b|like\b|before\b|after\b|when\b|now\b|then\b)"),
        why="“Just” makes what happened sound smaller than it felt to them.",
        suggestion="Leave out the “just”.",
        rewrite=drop_match,
    ),
    Rule(
        name="only",
        category="minimising",
        parts=frozenset({"did", "impact", "responsibility"}),
        pattern=_re(r"(?<!not\s)(?<!the\s)(?<!my\s)(?<!your\s)(?<!our\s)(?<!if\s)\bonly\s+"),
        why="“Only” makes what happened sound smaller than it felt to them.",
        suggestion="Leave out the “only”.",
        rewrite=drop_match,
    ),
    Rule(
        name="no-big-deal",
        category="minimising",
        parts=ALL,
        pattern=_re(
            rf"\b(?:not|no|wasn{A}t|isn{A}t|was\s+not|is\s+not)\s+(?:such\s+|that\s+|so\s+)?(?:a\s+)?big\s+(?:deal|thing)\b"
            rf"|\b(?:not|wasn{A}t|isn{A}t|was\s+not|is\s+not)\s+(?:that|so|all\s+that)\s+bad\b"
            r"|\bharmless\b|\bit\s+was\s+nothing\b|\bmeant\s+nothing\b"
        ),
        why="How big it was is theirs to say; calling it small can hurt all over again.",
        suggestion="Say what it meant to them: “I know this hurt you deeply.”",
    ),
    Rule(
        name="a-little",
        category="minimising",
        parts=frozenset({"did", "impact", "responsibility"}),
        pattern=_re(r"\ba\s+(?:little|bit|tad)\b(?!\s+(?:while|later|earlier|longer|more)\b)"),
        why="“A little” shrinks it; let it be the size it was for them.",
        suggestion="Leave out the softening words.",
        rewrite=drop_match,
    ),
    Rule(
        name="overreacting",
        category="minimising",
        parts=ALL,
        pattern=_re(
            r"\bover-?react(?:ed|ing|s)?\b|\btoo\s+sensitive\b|\bblew\s+it\s+out\s+of\s+proportion\b"
        ),
        why="This tells them their hurt is too big; their feelings are theirs to have.",
        suggestion="Leave the judgement out: “I understand why this hurt so much.”",
    ),
    # -- vague plans ---------------------------------------------------------
    Rule(
        name="try",
        category="vague plan",
        parts=ALL,
        pattern=_re(
            rf"({I_WILL})\s+(?:really\s+|honestly\s+)?try(?:\s+(?:my\s+)?(?:best|harder|hard))?(?:\s+to\b)?"
            rf"|\bI{A}m\s+trying\b|\bI\s+am\s+trying\b|({I_WILL})\s+do\s+my\s+best(?:\s+to\b)?"
        ),
        why="“Try” leaves room not to; a plan they can count on says what you will do.",
        suggestion="Say what you will do, and when: “I will text you by 7 if I'm running late.”",
        rewrite=_without_try,
    ),
    Rule(
        name="be-better",
        category="vague plan",
        parts=ALL,
        pattern=_re(
            rf"{I_WILL}\s+(?:be|do|get)\s+(?:a\s+)?(?:better|different|more\s+\w+)\b"
            rf"|{I_WILL}\s+(?:change|improve|work\s+on\s+(?:it|myself|this|that|things))\b"
            rf"|{I_WILL}\s+make\s+(?:it|this|things)\s+(?:up\s+to\s+you|right)\b"
        ),
        why="This is a wish for the future; they can't see it happen until it has a concrete step.",
        suggestion="Name a step they could notice: “I will tell you each evening where I've been.”",
        unless_context=CONCRETE,
    ),
    Rule(
        name="never-again",
        category="vague plan",
        parts=ALL,
        pattern=_re(
            rf"\b(?:it|this|that)\s+(?:won{A}t|will\s+not|will\s+never|is\s+never\s+going\s+to)\s+happen\s+again\b"
            rf"|\b(?:I|I{A}ll)\s+(?:will\s+)?never\s+do\s+(?:it|this|that)\s+again\b"
            rf"|\bI\s+won{A}t\s+do\s+(?:it|this|that)\s+again\b|\bnever\s+again\b"
        ),
        why="“It won't happen again” is hard to believe without a step that makes it so.",
        suggestion="Add how: “To make sure, I will … every day.”",
        unless_context=CONCRETE,
    ),
    # -- an action named too vaguely ------------------------------------------
    Rule(
        name="vague-action",
        category="vague action",
        parts=frozenset({"did", "impact", "responsibility"}),
        pattern=_re(
            r"\b(?:for|about)\s+(?:everything|all\s+of\s+(?:it|this|that)|all\s+(?:this|that)|it\s+all"
            r"|what\s+happened|whatever\s+(?:I\s+did|happened)|how\s+things\s+(?:went|turned\s+out)"
            r"|the\s+way\s+things\s+(?:went|are|turned\s+out)|my\s+mistakes|my\s+behaviou?r"
            r"|what\s+I\s+did(?=\s*(?:[.!,;]|$)))"
        ),
        why="This doesn't name what you did, so it can sound like a way past it.",
        suggestion=f"Name the specific thing: {SPECIFIC_ACTION_EXAMPLE}",
    ),
    Rule(
        name="messed-up",
        category="vague action",
        parts=frozenset({"did"}),
        pattern=_re(
            r"\bI\s+(?:messed|screwed|mucked|fucked)\s+up\b(?!\s+(?:when|by|and)\b)"
            r"|\bI\s+made\s+(?:a\s+|some\s+)?mistakes?\b(?!\s+(?:when|by|in|with)\b)"
        ),
        why="This says something went wrong without saying what; they need to hear you name it.",
        suggestion=f"Name the action itself: {SPECIFIC_ACTION_EXAMPLE}",
    ),
)
