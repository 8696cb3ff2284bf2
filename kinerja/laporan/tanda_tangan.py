"""Digital signatures on the generated PDFs: PAdES (ETSI.CAdES.detached) with pyHanko.

The pemda signs with its own certificate, a PKCS#12 file (.p12/.pfx) uploaded with its password at
signing time and kept nowhere: the key never stays on the server. An uploaded signed PDF is checked
the other way round: every signature is read, whether the signed bytes are intact, whether the file
was changed after signing, and who signed. Trust in the certificate (a chain to a root the checker
knows) is reported apart, since an office's own certificate rarely chains to a public root.

Pure Python (no Django).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

__all__ = ["HasilPeriksa", "TandaTanganError", "periksa_pdf", "tandatangani_pdf"]

NAMA_FIELD = "TandaTanganElektronik"


class TandaTanganError(ValueError):
    """A file that cannot be signed with or checked; the message is for the user, in Indonesian."""


@dataclass(frozen=True)
class HasilPeriksa:
    """One signature of a PDF."""

    penanda_tangan: str  # the certificate's common name
    organisasi: str
    nomor_seri: str  # of the certificate, in hexadecimal
    waktu: datetime | None  # as the signer's software reported it
    alasan: str
    lokasi: str
    utuh: bool  # the signed bytes are unchanged and the cryptography checks out
    seluruh_berkas: bool  # the signature covers the whole file: nothing was added after it
    terpercaya: bool  # the certificate chains to a root given to periksa_pdf

    @property
    def sah(self) -> bool:
        """Intact and covering the whole file (trust in the certificate aside)."""
        return self.utuh and self.seluruh_berkas


def _penanda(p12: bytes, sandi: str | None):
    from pyhanko.sign import signers

    if not p12:
        raise TandaTanganError("Berkas sertifikat (PKCS#12, .p12/.pfx) belum dipilih.")
    try:
        return signers.SimpleSigner.load_pkcs12_data(p12, [], passphrase=sandi.encode() if sandi else None)
    except (ValueError, TypeError) as exc:
        raise TandaTanganError(
            "Berkas sertifikat (PKCS#12) tidak dapat dibuka: kata sandi salah atau berkas bukan .p12/.pfx."
        ) from exc


def tandatangani_pdf(pdf: bytes, p12: bytes, sandi: str | None, *, alasan: str = "", lokasi: str = "") -> bytes:
    """``pdf`` with a PAdES signature by the key and certificate of the PKCS#12 ``p12``."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    penanda = _penanda(p12, sandi)
    penulis = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    meta = signers.PdfSignatureMetadata(
        field_name=NAMA_FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=alasan or None,
        location=lokasi or None,
    )
    hasil = signers.sign_pdf(penulis, meta, signer=penanda)
    return hasil.getvalue()


def _nama(sertifikat) -> tuple[str, str]:
    subjek = sertifikat.subject.native
    return subjek.get("common_name", "") or sertifikat.subject.human_friendly, subjek.get("organization_name", "")


def periksa_pdf(pdf: bytes, akar_terpercaya: Sequence[bytes] = ()) -> list[HasilPeriksa]:
    """Every signature of ``pdf`` (empty when it has none). ``akar_terpercaya`` are DER certificates
    to trust as roots; nothing is fetched from the network."""
    from asn1crypto import x509
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko_certvalidator import ValidationContext

    if not pdf.startswith(b"%PDF"):
        raise TandaTanganError("Berkas ini bukan PDF.")
    try:
        pembaca = PdfFileReader(io.BytesIO(pdf), strict=False)
        tanda = list(pembaca.embedded_signatures)
    except (PdfError, ValueError, KeyError) as exc:
        raise TandaTanganError("PDF ini rusak atau tidak dapat dibaca.") from exc
    akar = [x509.Certificate.load(der) for der in akar_terpercaya]
    hasil = []
    for sig in tanda:
        konteks = ValidationContext(trust_roots=akar, allow_fetching=False)
        try:
            status = validate_pdf_signature(sig, konteks)
        except (SignatureValidationError, ValueError) as exc:
            raise TandaTanganError(f"Tanda tangan “{sig.field_name}” tidak dapat diperiksa: {exc}") from exc
        nama, organisasi = _nama(status.signing_cert)
        kamus = sig.sig_object
        hasil.append(
            HasilPeriksa(
                penanda_tangan=nama,
                organisasi=organisasi,
                nomor_seri=format(status.signing_cert.serial_number, "X"),
                waktu=status.signer_reported_dt,
                alasan=str(kamus.get("/Reason", "")),
                lokasi=str(kamus.get("/Location", "")),
                utuh=bool(status.intact and status.valid),
                seluruh_berkas=status.coverage is not None and status.coverage.name == "ENTIRE_FILE",
                terpercaya=bool(status.trusted),
            )
        )
    return hasil
