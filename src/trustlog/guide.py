"""Words offered on request (`trustlog help TOPIC`), never pushed."""

from __future__ import annotations

TOPICS: dict[str, str] = {
    "safety": """\
trustlog is a journal, not therapy, and it never diagnoses.

When to bring in a professional (a couples therapist, or a counsellor of your own):
  - you can't talk about what happened without spiralling;
  - the betrayal involves addiction, or keeps happening;
  - one of you feels unsafe or unheard;
  - your check-ins show trust stuck low, or triggers not settling, for weeks.

Signs that trust may not be safe to rebuild:
  - the lying goes on;
  - you are made to doubt yourself, your memory or your pain;
  - one of you is not really trying;
  - any fear, threat or violence.

Leaving, with a plan and with support, is sometimes the healthiest choice.
If you are thinking about it, a short plan can help:
  - tell one person you trust, and agree on a word that means "call me";
  - keep your ID, bank cards, medicines, keys and phone charger where you can take them quickly;
  - know where you could stay for a few nights, and how you would get there;
  - put some money aside that only you can reach, if you can;
  - a domestic abuse helpline can help you plan, in confidence, whatever you decide.
If you are in danger, contact your local emergency number or a domestic abuse helpline.

Your journal stays on this machine; trustlog sends nothing anywhere.
""",
    # One line a paragraph: `trustlog help` wraps them to the terminal's width.
    "privacy": "\n\n".join(
        (
            "Your journal is plain text, unless you encrypt it (below), in one folder on this "
            "machine, readable only by you (folder 0700, files 0600). trustlog never uses the "
            "network.",
            "An entry you mark private (`--private`) says so in `trustlog entries`, and "
            "`trustlog export` leaves it out, figures too, unless you add --include-private. "
            "An export holds only what you choose (--only, --redact WORD, the dates), is shown "
            "to you before it is written in a terminal, and is written readable only by you "
            "(0600). `trustlog export --format json --include-private` holds everything, "
            "private entries too: keep it as carefully as the journal. `trustlog import` reads "
            "only the file you give it, and nothing leaves the machine.",
            "Back the folder up like any other precious files; it is yours to read, edit and move.",
            "On a shared computer, `trustlog encrypt` encrypts every file with a passphrase "
            "(the standard age format, so the `age` tool opens them too); `trustlog unlock` "
            "opens it for a while, `trustlog lock` closes it. File names still show dates and "
            "kinds of entries. docs/encryption.md says what it protects against and what it "
            "does not.",
        )
    )
    + "\n",
    "partner": "\n\n".join(
        (
            "Each of you keeps your own journal. `trustlog share` hands your partner a file with "
            "what you choose (promises and their days, mood and trust numbers, the contract, "
            "agreements, the ritual's weeks, one apology), sealed so only their journal opens "
            "it, and signed so no one can forge or change it. trustlog sends nothing over any "
            "network: you hand the file over as you like.",
            "A share never holds anything private, the words of your check-ins, notes, "
            "detective work, arguments or triggers. In a terminal you see what will go before "
            "it is written. Nothing is ever shared automatically, and nothing lets either of you "
            "ask for or pull the other's journal: a share is a gift, not a window.",
            "A file you handed over cannot be recalled: once your partner has it, what it says "
            "is theirs to read. A later share replaces it in their journal.",
            "To start: `trustlog partner code` on each side, then `trustlog partner add CODE` "
            "with the other's code. Read the six fingerprint words to each other: when they "
            "match, the code is the right one. `trustlog receive FILE` brings a share in; "
            "`trustlog partner` shows it beside your own; `trustlog contract agree` takes their "
            "contract as yours. `trustlog partner remove` forgets their code and everything "
            "they shared with you.",
        )
    )
    + "\n",
}
