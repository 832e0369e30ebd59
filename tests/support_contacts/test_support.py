"""`trustlog support ...` and `trustlog help safety`: the person's own people come first."""

from __future__ import annotations


def flowing(text: str) -> str:
    return " ".join(text.split())


def test_add_list_and_remove_by_number(cli, journal):
    first = cli("support", "add", "Sam (my sister): 0612 345 678", "--json").json()
    assert first["n"] == 1 and first["kind"] == "support"
    assert (journal.root / "support" / f"support-{first['id']}.md").exists()
    cli("support", "add", "Emergency: 112")
    cli("support", "add", "Helpline: 0800 2000")
    listed = cli("support", "list", "--json").json()
    assert listed["readable_when_locked"] is False  # off unless the person chooses
    assert [(c["n"], c["text"]) for c in listed["contacts"]] == [
        (1, "Sam (my sister): 0612 345 678"),
        (2, "Emergency: 112"),
        (3, "Helpline: 0800 2000"),
    ]
    words = cli("support", "list")
    assert words.stdout == (
        "1. Sam (my sister): 0612 345 678\n2. Emergency: 112\n3. Helpline: 0800 2000\n"
    )
    removed = cli("support", "remove", "2", "--json").json()
    assert removed["text"] == "Emergency: 112"
    assert [c["text"] for c in cli("support", "list", "--json").json()["contacts"]] == [
        "Sam (my sister): 0612 345 678",
        "Helpline: 0800 2000",
    ]


def test_bad_numbers_name_n_and_remove_nothing(cli):
    assert "there are none saved yet" in cli("support", "remove", "1").stderr
    cli("support", "add", "Emergency: 112")
    for given in ("0", "3", "two", ""):
        run = cli("support", "remove", given)
        assert run.exit_code == 2 and "N: " in run.stderr, given
    assert len(cli("support", "list", "--json").json()["contacts"]) == 1
    assert cli("support", "add", "  ").exit_code == 2


def test_help_safety_shows_the_contacts_first(cli):
    cli("support", "add", "Sam (my sister): 0612 345 678")
    cli("support", "add", "Emergency: 112")
    run = cli("help", "safety")
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.startswith(
        "Your support contacts:\n  1. Sam (my sister): 0612 345 678\n  2. Emergency: 112\n"
    )
    text = flowing(run.stdout)
    for words in (
        "When to bring in a professional",
        "Signs that trust may not be safe to rebuild",
        "a short plan can help",
        "If you are in danger, contact your local emergency number",
    ):
        assert words in text
    assert "!" not in run.stdout


def test_help_safety_without_contacts_says_how_to_add_them(cli, journal):
    run = cli("help", "safety")
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.startswith("You have no support contacts saved yet.\n")
    assert "trustlog support add" in flowing(run.stdout)


def test_a_contact_is_never_sent_raw_to_the_terminal(cli):
    cli("support", "add", "Sam \x1b[31m 0612")
    assert "\x1b" not in cli("help", "safety").stdout
    assert "\x1b" not in cli("support", "list").stdout


def test_a_locked_journal_still_shows_the_safety_page(cli, home, monkeypatch):
    from tests.support.encrypted import PASSPHRASE
    from trustlog.storage import session

    cli("support", "add", "Sam, my sister: 555-0101")
    monkeypatch.setenv("TRUSTLOG_PASSPHRASE", PASSPHRASE)
    assert cli("encrypt").exit_code == 0
    session.end(home)
    monkeypatch.delenv("TRUSTLOG_PASSPHRASE")

    locked = cli("help", "safety")

    assert locked.exit_code == 0, locked.stderr
    assert "support contacts are in your encrypted journal" in flowing(locked.stdout)
    assert "trustlog is a journal, not therapy" in locked.stdout
    assert "555-0101" not in locked.stdout

    monkeypatch.setenv("TRUSTLOG_PASSPHRASE", PASSPHRASE)
    assert "555-0101" in cli("help", "safety").stdout
