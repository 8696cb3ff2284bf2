"""argparse speaking Indonesian: its messages translated, and a usage error as one line with exit 1.

argparse looks its messages up through the module-level ``_``/``ngettext`` at call time, so replacing
them translates every message argparse writes (help headings included) without copying argparse.
"""

import argparse
import sys

_TERJEMAHAN = {
    "usage: ": "pemakaian: ",
    "options": "opsi",
    "positional arguments": "argumen posisi",
    "subcommands": "subperintah",
    "%(heading)s:": "%(heading)s:",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi program lalu keluar",
    " (default: %(default)s)": " (bawaan: %(default)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s: %(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s: peringatan: %(message)s\n",
    "the following arguments are required: %s": "argumen wajib belum diberikan: %s",
    "one of the arguments %s is required": "salah satu argumen %s wajib diberikan",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan %(value)r tidak dikenal (pilih dari %(choices)s)",
    "expected one argument": "perlu satu nilai",
    "expected at least one argument": "perlu paling sedikit satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "ambiguous option: %(option)s could match %(matches)s": "opsi %(option)s ambigu: bisa %(matches)s",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "ignored explicit argument %r": "argumen %r diabaikan",
    "unexpected option string: %s": "opsi tak terduga: %s",
    "can't open '%(filename)s': %(error)s": "tidak dapat membuka '%(filename)s': %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "subperintah %(parser_name)r tidak dikenal (pilih dari "
    "%(choices)s)",
}
_JENIS = {"int": "bilangan bulat", "float": "bilangan", "_positive_int": "bilangan bulat positif"}


def _terjemahkan(pesan: str) -> str:
    return _TERJEMAHAN.get(pesan, pesan)


def _terjemahkan_jamak(tunggal: str, jamak: str, n: int) -> str:
    if tunggal == "expected %s argument":
        return "perlu %s nilai"
    return tunggal if n == 1 else jamak


argparse._ = _terjemahkan
argparse.ngettext = _terjemahkan_jamak


class ParserIndonesia(argparse.ArgumentParser):
    """Usage errors as one Indonesian line on stderr with exit code 1, like every other refusal."""

    def error(self, message):
        for asli, indonesia in _JENIS.items():
            message = message.replace(f"nilai {asli} tidak sah", f"nilai {indonesia} tidak sah")
        print(f"{self.prog}: {message}", file=sys.stderr)
        sys.exit(1)
