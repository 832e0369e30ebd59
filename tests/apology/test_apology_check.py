"""The apology checker's rule table, with good and bad apologies.

Each bad case names the rule that should speak and the exact phrase it
should quote; each good case must leave the checker quiet.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustlog.domain.apology.checker import MISSING, PARTS, check
from trustlog.domain.apology.rules import rules
from trustlog.domain.core.rules import REWRITES, parse, sentences

# A clean, complete apology; each case below swaps one part for its own text.
CLEAN = {
    "did": "I read your messages on Tuesday without asking you.",
    "impact": "It made you feel watched in your own home.",
    "responsibility": "That was my choice, and there is no excuse for it.",
    "amends": "I will ask before I touch your phone, from today.",
}


def notes(part: str, text: str) -> list[tuple[str, str]]:
    """(rule, phrase) for every finding when `part` reads `text` and the rest is clean."""
    parts = {**CLEAN, part: text}
    return [(f.rule, f.phrase) for f in check(parts)]


BAD = [
    # non-apologies
    ("did", "I'm sorry you felt hurt.", "sorry-you-feel", "sorry you felt"),
    ("did", "I'm sorry you feel that way.", "sorry-you-feel", "sorry you feel"),
    ("impact", "I'm sorry that you're upset.", "sorry-you-feel", "sorry that you're upset"),
    ("impact", "I'm sorry you took it that way.", "sorry-you-feel", "sorry you took it"),
    ("impact", "I'm sorry you were hurt.", "sorry-you-feel", "sorry you were hurt"),
    ("did", "I'm sorry if I hurt you.", "sorry-if", "sorry if"),
    ("impact", "I'm sorry if you were hurt by it.", "sorry-if", "sorry if"),
    ("did", "I apologise if I upset you.", "sorry-if", "apologise if"),
    ("did", "Sorry, if that's what you need to hear.", "sorry-if", "Sorry, if"),
    ("did", "Mistakes were made.", "mistakes-were-made", "Mistakes were made"),
    (
        "responsibility",
        "Things were said that shouldn't have been.",
        "mistakes-were-made",
        "Things were said",
    ),
    ("did", "I'm sorry for any hurt.", "any-hurt", "any hurt"),
    ("impact", "I know I may have hurt you.", "any-hurt", "may have hurt"),
    # blame-shifting
    ("responsibility", "I lied, but I was scared.", "but", "but"),
    ("responsibility", "I know it was wrong BUT you were never home.", "but", "BUT"),
    ("did", "I'm sorry, but you started it.", "but-excuse", "but"),
    ("impact", "It hurt you, but it was only once.", "but-excuse", "but"),
    ("did", "I lied about the money, but I was scared.", "but-excuse", "but"),
    ("responsibility", "It was my choice, but I had my reasons.", "but", "but"),
    ("responsibility", "If you hadn't checked my phone, I wouldn't have lied.", "if-you", "If you"),
    ("responsibility", "I wouldn't have done it if you had listened.", "if-you", "if you"),
    ("responsibility", "You made me do it.", "you-made-me", "You made me"),
    ("responsibility", "You drove me to it.", "you-made-me", "You drove me"),
    ("responsibility", "You left me no choice.", "you-made-me", "You left me no choice"),
    ("responsibility", "I did it because you ignored me.", "because-you", "because you"),
    ("did", "I lied because of your temper.", "because-you", "because of your"),
    ("responsibility", "We both said things we regret.", "we-both", "We both"),
    ("responsibility", "It takes two, and you did it too.", "we-both", "you did it too"),
    ("did", "We were both unhappy.", "we-both", "We were both"),
    ("responsibility", "We're both to blame.", "we-both", "We're both"),
    # shared blame and counter-accusations
    (
        "responsibility",
        "It wasn't all my fault, we were both unhappy.",
        "shared-blame",
        "wasn't all my fault",
    ),
    ("responsibility", "It wasn't all my fault, we were both unhappy.", "we-both", "we were both"),
    ("responsibility", "It is not entirely on me.", "shared-blame", "not entirely on me"),
    ("did", "It takes two to end up here.", "shared-blame", "It takes two"),
    ("responsibility", "It was partly your fault.", "shared-blame", "partly your fault"),
    (
        "impact",
        "I know you were upset but you also went through my phone.",
        "counter-accusation",
        "you also went",
    ),
    ("responsibility", "I lied, and you lied too.", "counter-accusation", "you lied too"),
    (
        "did",
        "I hid the messages; you hid things as well.",
        "counter-accusation",
        "you hid things as well",
    ),
    ("responsibility", "To be fair, I was not the only one.", "counter-accusation", "To be fair"),
    ("impact", "In fairness, you never asked.", "counter-accusation", "In fairness"),
    ("responsibility", "In my defence, I was drunk.", "counter-accusation", "In my defence"),
    (
        "responsibility",
        "You weren't perfect either.",
        "counter-accusation",
        "You weren't perfect either",
    ),
    ("did", "You're not exactly innocent.", "counter-accusation", "You're not exactly innocent"),
    ("impact", "Let's not forget the party.", "counter-accusation", "Let's not forget"),
    ("amends", "I will stop, and you need to stop checking on me.", "conditions", "you need to"),
    ("amends", "You have to trust me again.", "conditions", "You have to"),
    # minimising
    ("did", "I just looked at your phone.", "just", "just"),
    ("did", "It was only a few messages.", "only", "only"),
    ("impact", "It only hurt for a day.", "only", "only"),
    ("impact", "It wasn't a big deal, I know.", "no-big-deal", "wasn't a big deal"),
    ("responsibility", "It was not that bad, really.", "no-big-deal", "was not that bad"),
    ("did", "It was a harmless flirt.", "no-big-deal", "harmless"),
    ("did", "The kiss meant nothing.", "no-big-deal", "meant nothing"),
    ("did", "I was a little late to your mother's birthday.", "a-little", "a little"),
    ("impact", "I know you were a bit upset.", "a-little", "a bit"),
    ("impact", "I think you overreacted.", "overreacting", "overreacted"),
    ("impact", "You're too sensitive about it.", "overreacting", "too sensitive"),
    # vague plans (the clean amends is concrete, so these are tested in the amends part)
    ("amends", "I'll try to be home on time.", "try", "I'll try to"),
    ("amends", "I’ll try harder to listen.", "try", "I’ll try harder to"),
    ("amends", "I will do my best.", "try", "I will do my best"),
    ("amends", "I'm trying, honestly.", "try", "I'm trying"),
    ("amends", "I'll be better.", "be-better", "I'll be better"),
    ("amends", "I will be a better partner.", "be-better", "I will be a better"),
    ("amends", "I'll be more honest.", "be-better", "I'll be more honest"),
    ("amends", "I'll change.", "be-better", "I'll change"),
    ("amends", "I'll work on myself.", "be-better", "I'll work on myself"),
    ("amends", "I will make it up to you.", "be-better", "I will make it up to you"),
    ("amends", "It won't happen again.", "never-again", "It won't happen again"),
    ("amends", "This will never happen again.", "never-again", "This will never happen again"),
    ("amends", "I'll never do it again.", "never-again", "I'll never do it again"),
    ("amends", "I'm ashamed. Never again.", "never-again", "Never again"),
    # an action named too vaguely
    ("did", "I'm sorry for everything.", "vague-action", "for everything"),
    ("did", "I'm sorry about what happened.", "vague-action", "about what happened"),
    ("did", "I'm sorry for what I did.", "vague-action", "for what I did"),
    ("responsibility", "I take responsibility for all of it.", "vague-action", "for all of it"),
    ("did", "I messed up.", "messed-up", "I messed up"),
    ("did", "I made a mistake.", "messed-up", "I made a mistake"),
]


@pytest.mark.parametrize(("part", "text", "rule", "phrase"), BAD)
def test_a_bad_phrase_is_pointed_out_and_quoted(
    part: str, text: str, rule: str, phrase: str
) -> None:
    found = notes(part, text)
    assert (rule, phrase) in found, found
    assert phrase in text  # quoted from the text, as typed


GOOD = [
    # "but" that is not an excuse
    ("responsibility", "It was not only careless but also cruel, and it was my choice."),
    ("responsibility", "It was not just a lie but a betrayal of your trust."),
    ("did", "I did nothing but lie to you for a month."),
    ("did", "I lied about the money every week, all but once."),
    ("did", "I butted into your call with your sister."),
    ("impact", "You asked me directly, but I lied to your face."),
    ("did", "You trusted me, but I went behind your back."),
    # "just" and "only" inside other words or meaning something else
    ("impact", "There is no justice in it; you had to adjust your whole life."),
    ("impact", "I know it feels unjust, and you feel lonely."),
    ("did", "I lied to you just before your birthday."),
    ("impact", "You were the only person I had told, and I made you doubt yourself."),
    ("amends", "I'll only go out with friends you know, and I'll tell you beforehand."),
    # "if you" as an offer, not blame
    ("amends", "If you want, I will show you my phone whenever you ask."),
    ("amends", "If you'd like, I will book a counsellor for us this week."),
    ("amends", "If you're willing, I will start couples therapy on Monday."),
    ("amends", "I will tell you everything if you ask."),
    ("amends", "If you'll let me, I will cook for us every Sunday."),
    ("amends", "I will listen whenever you need to talk, and I will text you by 7."),
    ("amends", "We both want this to work, so I will see a counsellor on Monday."),
    ("did", "I treated you as if you didn't matter."),
    ("amends", "I will keep my word even if you are angry with me."),
    # "because you" that is about them, not blame
    ("responsibility", "It was my choice, and it hurt more because you trusted me."),
    ("impact", "It hurt because you trusted me."),
    # "you made me" that is not blame
    ("impact", "You made me dinner that night and I didn't come home."),
    ("responsibility", "You should know that it was entirely my choice."),
    # concrete plans, even beside a vague promise
    ("amends", "It won't happen again: I will text you every evening at 6."),
    ("amends", "I'll be better. I will see a counsellor on Thursdays."),
    ("amends", "I will text you by 7 if I'm running late."),
    ("amends", "From now on I will leave my phone on the kitchen table at night."),
    ("amends", "I have deleted the app and blocked his number."),
    # "you ... too" and "both" that are about them, not blame
    ("impact", "I know you felt alone too, and you lost sleep over it."),
    ("impact", "I hurt you and your sister too."),
    ("impact", "You were hurt as well, and you trusted me too."),
    ("did", "I lied to both of your parents."),
    ("responsibility", "It was all my fault, and it was my choice alone."),
    ("responsibility", "It was my fault, not yours."),
    ("did", "I told you it was fair to split the bills, and then I spent the money."),
    ("impact", "You also deserved the truth that night."),
    # words that merely contain a pattern
    ("did", "I forgot our anniversary and went out with Justin instead."),
]


@pytest.mark.parametrize(("part", "text"), GOOD)
def test_plain_false_positives_stay_quiet(part: str, text: str) -> None:
    assert notes(part, text) == []


GOOD_APOLOGIES = [
    CLEAN,
    {
        "did": "I lied to you about where I was on Friday night.",
        "impact": "You spent the evening worried, then heard it from a friend.",
        "responsibility": "There is no excuse. I chose to lie to avoid a hard talk.",
        "amends": "I will tell you where I am when plans change, and see a counsellor on Thursday.",
    },
    {
        "did": "I spent our holiday savings without telling you.\nThen I hid the statements.",
        "impact": "It made you feel foolish for trusting me, and it put our plans at risk.",
        "responsibility": "That was entirely on me.",
        "amends": "I will show you the bank statement every Sunday, and I have cancelled the card.",
    },
]


@pytest.mark.parametrize("parts", GOOD_APOLOGIES)
def test_good_apologies_pass_without_a_note(parts: dict[str, str]) -> None:
    assert check(parts) == []


def test_a_poor_apology_gets_a_note_for_each_problem_in_reading_order() -> None:
    found = check(
        {
            "did": "I'm sorry for everything.",
            "impact": "I'm sorry you feel that way.",
            "responsibility": "I did it, but you made me so angry.",
            "amends": "I'll try. It won't happen again.",
        }
    )
    assert [(f.part, f.category, f.phrase) for f in found] == [
        ("did", "vague action", "for everything"),
        ("impact", "non-apology", "sorry you feel"),
        ("responsibility", "blame", "but"),
        ("responsibility", "blame", "you made me"),
        ("amends", "vague plan", "I'll try"),
        ("amends", "vague plan", "It won't happen again"),
    ]
    for finding in found:
        assert set(finding.to_json()) >= {"part", "phrase", "why", "suggestion"}


def test_missing_parts_are_named_with_an_example() -> None:
    found = check({"did": "I read your diary.", "impact": "   ", "responsibility": None})
    assert [(f.part, f.category, f.phrase) for f in found] == [
        ("impact", "missing", ""),
        ("responsibility", "missing", ""),
        ("amends", "missing", ""),
    ]
    assert found[0].why == MISSING["impact"][0]
    assert found[0].suggestion == MISSING["impact"][1]


def test_a_rewrite_is_offered_when_the_sentence_allows_it() -> None:
    def suggestion(part: str, text: str) -> str:
        return next(f.suggestion for f in check({**CLEAN, part: text}) if f.part == part)

    assert suggestion("did", "I'm sorry if I hurt you.").endswith(
        "Perhaps: “I'm sorry I hurt you.”"
    )
    assert suggestion("responsibility", "I lied, but I was scared.").endswith("Perhaps: “I lied.”")
    assert suggestion("did", "I just read your texts.").endswith("Perhaps: “I read your texts.”")
    assert suggestion("amends", "I'll try to call at 7.").endswith("Perhaps: “I'll call at 7.”")
    # A rewrite that would itself need a note is not offered.
    blamed = suggestion("responsibility", "It was no big deal to me, but I see it was to you.")
    assert "Perhaps" not in blamed
    assert suggestion("did", "I apologise if I upset you.") == "Leave out the “if”."


def test_a_counter_accusation_is_dropped_from_the_rewrite_and_the_hurt_kept() -> None:
    text = (
        "I know it hurt you, but you also went through my phone, and it left you feeling foolish."
    )
    for part in ("did", "impact", "responsibility"):
        found = [f for f in check({**CLEAN, part: text}) if f.part == part]
        assert {f.rule for f in found} >= {"counter-accusation"}
        for finding in found:
            assert finding.suggestion.endswith(
                "Perhaps: “I know it hurt you, and it left you feeling foolish.”"
            ), finding
    (shared, both) = check({**CLEAN, "did": "It wasn't all my fault, we were both unhappy."})
    assert "Perhaps" not in shared.suggestion + both.suggestion  # nothing of theirs to keep


def test_one_note_per_rule_and_sentence() -> None:
    found = check({**CLEAN, "did": "I just, just looked. I just asked."})
    assert [(f.rule, f.sentence) for f in found] == [
        ("just", "I just, just looked."),
        ("just", "I just asked."),
    ]


def test_sentences_split_on_stops_and_lines() -> None:
    assert sentences("I lied. I hid it!\nThen I  left?  ") == [
        "I lied.",
        "I hid it!",
        "Then I  left?",
    ]
    assert sentences("I'll call at 7.30 sharp. Every day.") == [
        "I'll call at 7.30 sharp.",
        "Every day.",
    ]


def test_the_rule_table_is_well_formed() -> None:
    names = [rule.name for rule in rules()]
    assert len(names) == len(set(names))
    for rule in rules():
        assert rule.parts and rule.parts <= set(PARTS), rule.name
        assert rule.why.endswith("."), rule.name
        assert rule.suggestion, rule.name
    assert set(MISSING) == set(PARTS)


TABLE = r"""
[pieces]
A = "['’]"
I_WILL = '''\bI(?:{A}ll|\s+will)'''

[[rules]]
name = "try"
category = "vague plan"
parts = ["amends"]
pattern = '''
{I_WILL}
  \s+try\b{1,2}
'''
why = "Why."
suggestion = "Say what you will do."
rewrite = "drop_match"
"""


def test_a_table_reads_its_pieces_and_lines_and_refuses_what_it_does_not_know() -> None:
    [rule] = parse(TABLE, "rules.toml", REWRITES, frozenset(PARTS))
    assert rule.pattern.source == r"\bI(?:['’]ll|\s+will)\s+try\b{1,2}"
    assert rule.parts == {"amends"}
    assert rule.rewrite is REWRITES["drop_match"]
    for wrong, said in [
        ("{I_WILL}\n", "{I_WIL}\n"),
        ('"drop_match"', '"drop_all"'),
        ('["amends"]', '["apology"]'),
        ("why =", "because ="),
    ]:
        with pytest.raises(ValueError, match=r"rules\.toml: rule try"):
            parse(TABLE.replace(wrong, said), "rules.toml", REWRITES, frozenset(PARTS))


def test_a_vague_promise_is_fine_beside_a_concrete_step() -> None:
    vague = {
        **CLEAN,
        "responsibility": "It was my choice. It won't happen again.",
        "amends": "I'll be better.",
    }
    assert [f.rule for f in check(vague)] == ["never-again", "be-better"]
    concrete = {**vague, "amends": "I'll be better: I will text you every evening at 6."}
    assert check(concrete) == []


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(PARTS), st.text(max_size=120)))
def test_any_text_is_checked_and_every_phrase_is_quoted_from_it(parts: dict[str, str]) -> None:
    for finding in check(parts):
        assert finding.part in PARTS
        assert finding.phrase in (parts.get(finding.part) or "")
        assert finding.why and finding.suggestion


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aJI .!?\n’”pm.eg")), max_size=60))
def test_sentences_keep_every_character_but_the_spaces_between(text: str) -> None:
    assert "".join("".join(sentences(text)).split()) == "".join(text.split())
