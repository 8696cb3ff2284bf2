"""The `kinerja` command: help on every subcommand, demo without serving, clear argument errors."""

import subprocess
import sys

import pytest

from kinerja.cli import build_parser, main

BASE_SUBCOMMANDS = {"demo", "serve", "migrate", "manage", "import", "export"}
# Every subcommand an app registers must answer --help, not only the ones this list knows.
SUBCOMMANDS = sorted(next(a for a in build_parser()._actions if a.dest == "perintah").choices)


def run(*args):
    return subprocess.run([sys.executable, "-m", "kinerja.cli", *args], capture_output=True, text=True, timeout=60)


def test_help_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0
    assert set(SUBCOMMANDS) >= BASE_SUBCOMMANDS
    for name in SUBCOMMANDS:
        assert name in result.stdout


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_every_subcommand_has_help(name):
    result = run(name, "--help")
    assert result.returncode == 0 and "pemakaian: kinerja " + name in result.stdout
    assert "usage:" not in result.stdout and "show this help" not in result.stdout


def test_bad_argument_is_a_clear_error(capsys):
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args(["demo", "--kecamatan", "nol"])
    assert exc.value.code == 1
    assert capsys.readouterr().err == "kinerja demo: argumen --kecamatan: 'nol' bukan bilangan bulat\n"


@pytest.mark.parametrize(
    "argumen, pesan",
    [
        ([], "kinerja: argumen wajib belum diberikan: PERINTAH"),
        (["bogus"], "kinerja: argumen PERINTAH: pilihan 'bogus' tidak dikenal"),
        (["compute"], "kinerja compute: argumen wajib belum diberikan: --instansi, --tahun"),
        (["compute", "--instansi", "1", "--tahun", "dua"], "kinerja compute: argumen --tahun: nilai bilangan bulat"),
        (["migrate", "--tidak-ada"], "kinerja: argumen tidak dikenal: --tidak-ada"),
    ],
)
def test_argument_errors_are_one_indonesian_line_with_exit_1(argumen, pesan):
    result = run(*argumen)
    assert result.returncode == 1
    assert result.stderr.startswith(pesan) and result.stderr.count("\n") == 1
    assert "error" not in result.stderr and "usage" not in result.stderr


@pytest.mark.django_db(transaction=True)
def test_demo_without_serving_loads_once_and_prints_logins(capsys):
    assert main(["demo", "--no-serve", "--kecamatan", "1"]) == 0
    out = capsys.readouterr().out
    assert "kinerja-demo-2026" in out and "admin.pemda" in out and "camat.banyuates" in out
    assert main(["demo", "--no-serve"]) == 0
    again = capsys.readouterr().out
    assert "sudah ada" in again and "camat.banyuates" in again  # the logins are printed every time


def test_output_piped_into_a_closed_reader_is_not_a_traceback(monkeypatch, capfd):
    import kinerja.cli

    def writes_into_a_closed_pipe(args):
        raise BrokenPipeError

    monkeypatch.setattr(kinerja.cli, "cmd_migrate", writes_into_a_closed_pipe)
    with capfd.disabled():
        assert main(["migrate"]) == 0
