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
            "kinds of entries. `trustlog help encryption` says what it protects against and "
            "what it does not.",
        )
    )
    + "\n",
    "reminders": "\n\n".join(
        (
            "`trustlog remind set 20:30` reminds you every day at 20:30 to check in, through "
            "your system's own scheduler: a systemd user timer on Linux (a reminder missed "
            "while the computer slept comes when it wakes), a launchd agent on macOS, else "
            "your crontab. trustlog runs nothing in the background itself.",
            "At that time it looks at the file names of your journal only: if today's check-in "
            'is there, it stays quiet; otherwise a desktop notification says "A few minutes '
            "for today's check-in\", and nothing from your journal. It never asks for a "
            "passphrase. Where no notification can be shown (cron without a desktop session), "
            "the words go to the scheduler's own log, or to your mail if cron sends mail.",
            "`trustlog remind status` says what is set; setting it again moves it. "
            "`trustlog remind off` turns it off, removing only what trustlog added. "
            "`trustlog calendar` adds the daily check-in at the same time, with an alarm.",
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
            "crash) is finished by the next `trustlog sync`.",
            "If two devices each made partner keys before they first synced, the journal "
            "keeps the ones whose code you already gave your partner, keeps the others beside "
            "them (`sharing-keys.toml.sync-...`), and tells you; if both codes were given out, "
            "it says what to check with your partner.",
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
    "encryption": "\n\n".join(
        (
            "`trustlog encrypt` turns every file of the journal into an encrypted file in the "
            "age format, with a passphrase you choose (asked twice). If trustlog is ever gone, "
            "the standard `age` tool still opens each file: `age -d -i identity.age FILE`, "
            "with the passphrase. `trustlog decrypt` turns the journal back into plain text. "
            "Both work one file at a time: if one is stopped, running it again finishes it.",
            "While it is encrypted, every command asks the passphrase once (or reads "
            "TRUSTLOG_PASSPHRASE). `trustlog unlock [--for MINUTES]` opens it for a while, "
            "`trustlog lock` closes it at once. `trustlog help` and its topics never ask.",
            "It protects your words from someone who opens the files without the passphrase: "
            "another account on this computer, a lost or stolen laptop, a copy of the folder "
            "(a backup, a synced folder, a file sent by mistake).",
            "It does not protect them from someone at your keyboard while a session is open "
            "(lock it before you step away), from spyware running as you, or from someone who "
            "knows or guesses the passphrase. File names still show which days have entries "
            "and of which kind, how many and roughly how long. An export or a calendar file is "
            "plain: keep it safe. Someone who can write to the folder can still delete files.",
            "Your support contacts are encrypted too, so a locked journal cannot show them in "
            "`trustlog help safety`. `trustlog support readable on` keeps them readable without "
            "the passphrase on this device (then anyone who can open your files here can read "
            "them, a helpline's number too); it is off unless you choose it, and `trustlog "
            "encrypt` asks in a terminal.",
            "Without the passphrase nobody can read the journal, not even you: there is no way "
            "to recover it. Choose one you will remember and others cannot guess (a few "
            "unrelated words is good).",
        )
    )
    + "\n",
    "format": "\n\n".join(
        (
            "Your journal is a folder of plain-text files you can read, edit, back up and move "
            "(`trustlog --json` names the folder). Each entry is one file: a check-in is "
            "2026/11/2026-11-24-checkin-k3m9x.md, in the month's folder; promises, contracts, "
            "agreements and support contacts live in folders of their own. journal.toml holds "
            "your settings (`trustlog init`) and the format's version.",
            "Each file starts with its fields between two lines of +++ (TOML: `mood = 4`, text "
            "in quotes, dates like 2026-11-24), then your free text. You may edit a file by "
            "hand (or with `trustlog edit ID`): trustlog keeps your comments and layout when it "
            "changes a field, and keeps fields it does not know. A file that does not read is "
            "never rewritten: each command names it, and the line, until you fix it.",
            "Every change lands whole or not at all, under a lock, so a crash or two commands "
            "at once lose nothing. Folders are readable only by you (0700), files too (0600). "
            "A journal from a newer trustlog is refused, never changed; when a later version "
            "changes the format, it first copies the whole folder to backups/.",
        )
    )
    + "\n",
}
