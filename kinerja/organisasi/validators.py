"""Django glue for the pure NIP and pangkat rules in kinerja.kepegawaian."""

from django.core.exceptions import ValidationError

from kinerja import kepegawaian


def validate_nip(value: str) -> None:
    try:
        kepegawaian.parse_nip(value)
    except kepegawaian.NipError as exc:
        raise ValidationError(str(exc), code="nip") from exc


def pangkat_choices() -> list[tuple[str, str]]:
    return [(p.golongan, str(p)) for p in kepegawaian.PANGKAT]
