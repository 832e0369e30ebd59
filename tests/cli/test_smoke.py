from trustlog import __version__


def test_version(cli):
    run = cli("--version")
    assert run.exit_code == 0
    assert run.stdout == f"trustlog {__version__}\n"
