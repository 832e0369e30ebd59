"""`trustlog export --format pdf`: the HTML export, printed to PDF by the person's own browser.

A Chromium-family browser (Chromium, Google Chrome, Brave, Microsoft Edge)
prints the very page `--format html` writes, headless. It runs with a
throw-away profile, no extensions, no sync or background requests, and every
host name resolving to nothing, so it cannot reach the network even if it
tried. The page lives only in a private scratch folder (storage/scratch.py),
removed afterwards whatever happens; the browser and its helpers are stopped
with it. The PDF's bytes go back to `trustlog export`, which writes them as
it writes every format (storage/outside.py).

With no such browser, the person is told how to print the HTML from any
browser instead: nothing here is worth a heavy dependency.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from trustlog.errors import InputError, TrustlogError
from trustlog.render.export import html

if TYPE_CHECKING:
    from trustlog.domain.export.model import Export

# Looked for on PATH, in this order.
BROWSERS = (
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "brave-browser",
    "microsoft-edge",
    "microsoft-edge-stable",
)
# On macOS, browsers live in application bundles, off PATH.
MAC_APPS = (
    "Google Chrome.app/Contents/MacOS/Google Chrome",
    "Chromium.app/Contents/MacOS/Chromium",
    "Brave Browser.app/Contents/MacOS/Brave Browser",
    "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
)
# A month prints in a second or two; ten years of entries in well under this.
TIMEOUT_SECONDS = 180.0
# Chromium makes a socket in a new folder of the temporary folder, and a socket's
# path has at most 107 bytes: its own part takes 46 of them.
LONGEST_TEMPORARY = 60
PR_SET_PDEATHSIG = 1  # linux/prctl.h: a signal for this process when its parent dies
# Letter paper where the locale's country uses it (the Americas mostly); A4 elsewhere.
LETTER_COUNTRIES = {"US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "PA", "SV", "DO", "PR"}

NO_BROWSER_HINT = (
    "Any browser can make the PDF: run `trustlog export --format html`, open the file, "
    "choose Print, then Save as PDF. Nothing was written."
)


def find_browser() -> str | None:
    """The first Chromium-family browser found on PATH (or, on macOS, in Applications)."""
    from trustlog.storage.scratch import find_program

    places: tuple[Path, ...] = ()
    if sys.platform == "darwin":
        folders = (Path("/Applications"), Path.home() / "Applications")
        places = tuple(folder / app for folder in folders for app in MAC_APPS)
    return find_program(BROWSERS, places)


def ready() -> None:
    """Refuse --format pdf before anything is read or asked, when no browser can print it."""
    browser()


def browser() -> str:
    """The browser to print with; none is bad input for --format pdf, with another way."""
    found = find_browser()
    if found is None:
        raise InputError(
            "--format pdf: I could not find Chromium, Google Chrome, Brave or Microsoft Edge "
            "on this computer to print the PDF with.",
            hint=NO_BROWSER_HINT,
        )
    return found


def paper(environ: dict[str, str] | None = None) -> str:
    """ "letter" where the locale's country uses Letter paper, else "A4"."""
    env = os.environ if environ is None else environ
    setting = next(
        (env[name] for name in ("LC_ALL", "LC_PAPER", "LANG") if env.get(name)), ""
    )  # en_US.UTF-8, fr_CA, C
    country = setting.split(".")[0].split("@")[0].partition("_")[2].upper()
    return "letter" if country in LETTER_COUNTRIES else "A4"


def render(export: Export) -> bytes:
    found = browser()
    from trustlog.storage import scratch

    page = html.document(export, paper=paper()).encode("utf-8")
    with scratch.private_folder("trustlog-pdf-") as folder:
        source = folder / "export.html"
        scratch.write_new(source, page)
        target = folder / "export.pdf"
        print_to_pdf(found, source, target, folder / "profile")
        data = scratch.read(target)
    if not data or not data.startswith(b"%PDF-"):
        raise TrustlogError(
            f"{Path(found).name} ran but made no PDF.",
            hint=NO_BROWSER_HINT,
        )
    return data


def command(browser: str, source: Path, target: Path, profile: Path) -> list[str]:
    """The browser's command line: headless, private, offline, printing one page."""
    flags = [
        "--headless",
        "--disable-gpu",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--disable-default-apps",
        "--disable-breakpad",
        "--host-resolver-rules=MAP * ~NOTFOUND",  # no name resolves: nothing can be fetched
        f"--user-data-dir={profile}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={target}",
    ]
    if getattr(os, "geteuid", lambda: 1)() == 0:
        # The browser's sandbox refuses to start as root; an ordinary user keeps it.
        flags.insert(1, "--no-sandbox")
    return [browser, *flags, source.as_uri()]


def print_to_pdf(browser: str, source: Path, target: Path, profile: Path) -> None:
    """Run the browser until it has printed, or stop it (and its helpers) on any failure."""
    from trustlog.storage.scratch import short_temporary_place

    name = Path(browser).name
    environment = dict(os.environ)
    shorter = short_temporary_place(LONGEST_TEMPORARY)
    if shorter is not None:
        environment["TMPDIR"] = shorter  # else the browser stops: "Socket path too long"
    try:
        process = subprocess.Popen(
            command(browser, source, target, profile),
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own group: Ctrl-C reaches us, and we stop it all
            preexec_fn=_in_the_browser() if os.name == "posix" else None,
        )
    except OSError as error:
        raise TrustlogError(f"{name} could not be started: {error.strerror}.") from None
    with _stopped_with(process), _terminate_as_interrupt():
        try:
            code = process.wait(timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            raise TrustlogError(
                f"{name} took longer than {TIMEOUT_SECONDS:.0f} seconds to print the PDF, "
                "so I stopped it.",
                hint=NO_BROWSER_HINT,
            ) from None
    if code != 0:
        raise TrustlogError(
            f"{name} could not print the PDF (it stopped with code {code}).",
            hint=NO_BROWSER_HINT,
        )


def _in_the_browser() -> Callable[[], None]:
    """What the browser's process does before it starts: make its files private (the PDF is
    written 0600), and, on Linux, stop if trustlog is killed outright (`kill -9`), rather
    than finish printing into a folder nobody will remove until the next run."""
    prctl = None
    if sys.platform.startswith("linux"):
        import ctypes  # loaded here, before the fork: the child only calls it

        with contextlib.suppress(OSError, AttributeError):
            prctl = ctypes.CDLL(None, use_errno=True).prctl

    def prepare() -> None:
        os.umask(0o077)
        if prctl is not None:
            prctl(PR_SET_PDEATHSIG, signal.SIGKILL)

    return prepare


@contextlib.contextmanager
def _stopped_with(process: subprocess.Popen[bytes]) -> Iterator[None]:
    """However the block ends, the browser's whole process group is gone after it."""
    try:
        yield
    finally:
        if hasattr(os, "killpg"):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGKILL)  # helpers left behind, if any
        else:  # pragma: no cover - Windows
            process.kill()
        process.wait()


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """A polite `kill` cleans up as Ctrl-C does, rather than leaving the page behind."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGTERM"):
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
