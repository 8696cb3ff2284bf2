"""The reminders as a background task that runs every morning and books its next run itself.

`kinerja worker` calls `jadwalkan_pengingat()` when it starts, so a worker always has one pending
daily run and never two.
"""

from datetime import datetime, time, timedelta

from django.tasks import task
from django.utils import timezone

JAM_PENGINGAT = time(7, 0)  # local time: before the working day starts


def _pagi_berikut(sekarang: datetime) -> datetime:
    lokal = timezone.localtime(sekarang)
    besok = lokal.date() + timedelta(days=1)
    return timezone.make_aware(datetime.combine(besok, JAM_PENGINGAT))


@task()
def pengingat_harian() -> int:
    from .pengingat import kirim_pengingat

    try:
        return kirim_pengingat().terkirim
    finally:
        if pengingat_harian.get_backend().supports_defer:  # the immediate backend of tests cannot wait
            pengingat_harian.using(run_after=_pagi_berikut(timezone.now())).enqueue()


def jadwalkan_pengingat() -> bool:
    """Book a daily run unless one is already waiting; True when one was booked now."""
    from django_tasks_db.models import DBTaskResult

    if DBTaskResult.objects.filter(task_path=pengingat_harian.module_path, status="READY").exists():
        return False
    pengingat_harian.enqueue()
    return True
