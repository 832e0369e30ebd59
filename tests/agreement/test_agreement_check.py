"""The agreement checker's table: vague wordings it points out, specific ones it leaves alone."""

from __future__ import annotations

import pytest

from trustlog.domain.agreement.checker import check, rules

VAGUE = [
    # (wording, the rule that speaks, the phrase it quotes)
    ("Be more honest with each other", "be-more", "Be more honest"),
    ("We will be less secretive", "be-more", "be less secretive"),
    ("Try to check in during the day", "try", "Try to"),
    ("We'll try our best to talk it through", "try", "try our best to"),
    ("Text more", "more-less", "more"),
    ("Spend less on nights out", "more-less", "less"),
    ("Communicate better about plans", "more-less", "better"),
    ("Fewer late nights", "more-less", "Fewer"),
    ("Respect each other's privacy", "respect", "Respect"),
    ("Be respectful on social media", "respect", "respectful"),
    ("Be honest about where we are", "ideal", "honest"),
    ("Stay transparent about money", "ideal", "transparent"),
    ("Share passwords if possible", "ideal", "if possible"),
    ("Drink appropriately at parties", "ideal", "appropriately"),
    ("Check in regularly", "how-often", "regularly"),
    ("Call me if needed", "how-often", "if needed"),
    ("Keep each other informed", "no-when", "informed"),
    ("Talk about things", "no-when", "things"),
    ("No secrets", "no-when", "secrets"),
    ("Be there for each other", "no-when", "there for each other"),
    # a standard of conduct, with no act, channel, amount or time
    ("Don't be shady with each other", "conduct", "Don't be shady"),
    ("Don't be a jerk about exes", "conduct", "Don't be a jerk"),
    ("Keep things civil between us", "conduct", "Keep things civil"),
    ("Keep it light on date night", "conduct", "Keep it light"),
    ("Be sensible about money", "conduct", "Be sensible"),
    ("Always be upfront about spending", "conduct", "Always be upfront"),
    ("Be responsible with the credit card", "conduct", "Be responsible"),
    ("Stay calm in arguments", "conduct", "Stay calm"),
    ("No drama at family dinners", "conduct", "No drama"),
    ("Behave at parties", "conduct", "Behave"),
    ("Treat each other well online", "conduct", "Treat each other well"),
    ("Let's be mature about the ex", "conduct", "Let's be mature"),
]

SPECIFIC = [
    "Tell each other about any messages from exes within 24 hours",
    "Share our locations until March",
    "No more than two drinks on a night out",
    "Talk about the affair more than once a week only at the Sunday check-in",
    "Check in by phone at least once a day",
    "Text before 18:00 if plans change",
    "Keep spending over €100 for a talk first",
    "Show each other our phones when either of us asks",
    "Delete the dating apps today",
    "Our betterment plan: a walk together every Saturday",  # "better" inside another word
    "Be honest about any contact with him within a day",  # honest, with a when
    "Respect the stop word: pause the talk straight away",
    "Ask before posting photos of each other",
    "Tell me the whole story of a night out the same day",
    "No contact with Alex",  # who and what are named, and it holds always
    "Check in regularly: every evening at 21:00",
    "Tell each other any secrets from before the affair by Sunday",
    "Keep each other informed when plans change",
    "Tell each other about any message from an ex within 24 hours",
    "Don't be on dating apps",
    "Never be alone with Alex",
    "Don't be drunk around the kids",
    "Be home by 10 on weekdays",
    "Be careful with money: no purchase over €50 without a call first",
    "Keep things civil: call the stop word and pause for 20 minutes",
    "Stay calm: take a 10 minute walk whenever a fight starts",
    "Act on the stop word at once, every time",
    "Keep the phone face-up on the table at dinner",
    "Don't be late for the Sunday check-in",
]


@pytest.mark.parametrize(("text", "rule", "phrase"), VAGUE)
def test_vague_wording_is_pointed_out_with_a_specific_suggestion(text, rule, phrase):
    found = check(text)
    [finding] = [f for f in found if f.rule == rule]
    assert finding.phrase == phrase
    assert finding.why and finding.suggestion
    assert "!" not in finding.why + finding.suggestion


@pytest.mark.parametrize("text", SPECIFIC)
def test_specific_wording_stays_quiet(text):
    assert check(text) == []


def test_the_be_more_rule_points_to_the_specific_kind_of_agreement():
    [finding] = check("Be more open with each other")
    assert "within 24 hours" in finding.suggestion


def test_a_standard_of_conduct_gets_one_note_not_two():
    [finding] = check("Keep things civil")
    assert finding.rule == "conduct"
    assert "no act, channel, amount or time" in finding.why


def test_a_try_is_rewritten_without_it():
    [finding] = check("Try to text when we are late.")
    assert finding.rule == "try"
    assert "Perhaps: “Text when we are late.”" in finding.suggestion


def test_every_rule_is_in_the_table():
    spoken = {rule for _, rule, _ in VAGUE}
    assert spoken == {rule.name for rule in rules()}
