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
            "network, except `trustlog sync` when you run it (`trustlog help sync`).",
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
    "sync": "\n\n".join(
        (
            "`trustlog sync` keeps your journal the same on each of your devices, through a "
            "git repository you choose: a bare repository on a USB stick (`git init --bare "
            "/media/usb/journal.git`), a server you trust, any git URL. trustlog talks to it "
            "only when you run `trustlog sync`, and only through the git program.",
            "Start with `trustlog sync setup REMOTE`: on the device with your journal it sends "
            "it to an empty repository; on each other device, on an empty journal, it takes it "
            "from there. Then `trustlog sync` on any device sends what you wrote and takes "
            "what the others wrote; `trustlog sync status` says how far apart they are.",
            "Nothing either device wrote is dropped: new entries are all kept, two check-ins "
            "of one day become one (notes and appreciations add up), two marks of one promise "
            "day keep the later, and an entry changed on both keeps the later change and the "
            "other version as a conflict copy (`trustlog entries --kind conflict`; `trustlog "
            "delete ID` once you have looked).",
            "What the remote sees: a plain journal's words, as plain text, with their whole "
            "history. An encrypted journal (`trustlog encrypt`) sends only encrypted files; "
            "the remote still sees the file names (which days have entries, and of which kind), "
            "their sizes and when you synced. Commit messages hold counts and kinds, never "
            "your words, and name no one. The lock, caches, drafts and edits in progress never "
            "leave the device.",
            "An unreachable remote changes nothing here. A sync stopped halfway (Ctrl-C, a "
            "crash) is finished by the next `trustlog sync`. docs/sync.md says more.",
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
