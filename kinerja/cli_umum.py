"""What every `kinerja` subcommand shares: one Indonesian error line instead of a traceback,
and finding a row by id or name. Imports Django only inside the functions (see cli.py).
"""

import sys


class PerintahGagal(Exception):
    """The command cannot go on; the message is the line the user sees."""


def jalankan(perintah, args, setup_django, *, nama: str | None = None, tangkap: tuple = ()) -> int:
    """Run a subcommand handler; refusals from the service layer become lines on stderr and exit 1.

    `tangkap` adds domain errors (ValueError subclasses such as IKMError) whose text is already
    meant for the user.
    """
    setup_django()
    from django.core.exceptions import PermissionDenied, ValidationError

    try:
        return perintah(args)
    except (PerintahGagal, *tangkap) as exc:
        pesan = [str(exc)]
    except ValidationError as exc:
        pesan = exc.messages
    except PermissionDenied as exc:
        pesan = [str(exc) or "tidak berhak."]
    for baris in pesan:
        print(f"kinerja {nama or args.perintah}: {baris}", file=sys.stderr)
    return 1


def cari_satu(queryset, teks: str, jenis: str):
    """A row by id, or by its exact name (case-insensitive) when unambiguous."""
    teks = teks.strip()
    if teks.isdigit():
        obj = queryset.filter(pk=int(teks)).first()
    else:
        cocok = list(queryset.filter(nama__iexact=teks)[:2])
        if len(cocok) > 1:
            raise PerintahGagal(f"ada lebih dari satu {jenis} bernama '{teks}'; sebutkan ID-nya.")
        obj = cocok[0] if cocok else None
    if obj is None:
        raise PerintahGagal(f"{jenis} '{teks}' tidak ditemukan.")
    return obj


def cari_instansi(teks: str):
    from kinerja.organisasi.models import Instansi

    return cari_satu(Instansi.objects.select_related("pemda"), teks, "instansi")
