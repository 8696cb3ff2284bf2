"""Background tasks (django.tasks; the database backend's worker runs them: `kinerja worker`)."""

from django.tasks import task


@task()
def baca_berkas(pekerjaan_id: int) -> None:
    from .layanan import baca_pekerjaan

    baca_pekerjaan(pekerjaan_id)
