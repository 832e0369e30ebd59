"""Two real checkers for the HTML export: the Nu HTML Checker and axe-core in Chromium.

Both come from npm (`tests/support/checkers/package.json` pins them) and
`.ci/run` installs them there with `npm install --ignore-scripts`, with
Debian's Java when it is missing (vnu.jar runs on it). On CI (CI=true) a
missing checker fails the test that needs it; on a developer's machine it is
skipped, saying how to install it, so it shows in pytest's summary rather than
passing in silence.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest

from tests.support import printing
from tests.support.paths import SUPPORT

CHECKERS = SUPPORT / "checkers" / "node_modules"
VNU = CHECKERS / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = CHECKERS / "axe-core" / "axe.min.js"
INSTALL = (
    "`.ci/run` installs it; locally: cd tests/support/checkers && npm install --ignore-scripts "
    "(and apt-get install -y default-jre-headless for Java)"
)
# WCAG 2.0 and 2.1, levels A and AA, and axe's best practices.
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")
# Runs in a copy of the page (the export itself has no script): axe's findings are
# written into the page, where `chromium --dump-dom` prints them.
AXE_RUN = """
axe.run(document, {runOnly: {type: "tag", values: %s}, resultTypes: ["violations"]})
  .then(function (found) { report(found.violations.map(function (rule) {
      return {id: rule.id, impact: rule.impact, help: rule.help,
              nodes: rule.nodes.map(function (node) {
                return node.target.join(" ") + ": " + node.failureSummary; })};
    })); },
    function (error) { report({error: String(error)}); });
function report(what) {
  var out = document.createElement("pre");
  out.id = "axe-results";
  out.textContent = JSON.stringify(what);
  document.body.appendChild(out);
}
"""


def missing(what: str) -> None:
    """Fail on CI, skip elsewhere: a missing checker is never a silent pass."""
    message = f"{what} is not installed, and this test needs it. {INSTALL}."
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)


def java() -> str:
    found = shutil.which("java")
    if found is None:
        missing("Java")
    assert found is not None
    return found


def vnu(page: str, folder: Path) -> list[dict[str, Any]]:
    """Every message of the Nu HTML Checker about `page`: errors, warnings and notes."""
    if not VNU.is_file():
        missing("The Nu HTML Checker (npm vnu-jar)")
    source = folder / "page.html"
    source.write_text(page, encoding="utf-8")
    done = subprocess.run(
        [java(), "-jar", str(VNU), "--format", "json", "--exit-zero-always", str(source)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    messages: list[dict[str, Any]] = json.loads(done.stderr)["messages"]
    return messages


def axe(page: str, folder: Path) -> list[dict[str, Any]]:
    """axe-core's violations of WCAG 2.1 A and AA and its best practices, in Chromium."""
    if not AXE.is_file():
        missing("axe-core (npm axe-core)")
    browser = printing.require("chromium")
    script = AXE.read_text(encoding="utf-8").replace("</script", "<\\/script")
    runner = AXE_RUN % json.dumps(list(AXE_TAGS))
    assert page.count("</body>") == 1
    copy = page.replace("</body>", f"<script>{script}</script><script>{runner}</script></body>")
    source = folder / "checked.html"
    source.write_text(copy, encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        flags = [
            "--headless",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            f"--user-data-dir={profile}",
            "--virtual-time-budget=60000",  # time enough for axe's promise to settle
            "--dump-dom",
        ]
        if os.geteuid() == 0:
            flags.insert(1, "--no-sandbox")  # the sandbox refuses to start as root
        done = subprocess.run(
            [browser, *flags, source.as_uri()],
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            check=True,
            timeout=300,
        )
    found = re.search(r'<pre id="axe-results">(.*?)</pre>', done.stdout, re.DOTALL)
    assert found is not None, "axe-core wrote no result into the page"
    result = json.loads(html.unescape(found.group(1)))
    assert not isinstance(result, dict), result  # {"error": ...}: axe itself failed
    violations: list[dict[str, Any]] = result
    return violations
