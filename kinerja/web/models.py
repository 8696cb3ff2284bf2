"""The web application's own table: failed logins, for throttling.

Kept in the database rather than the cache: gunicorn runs several worker processes, and a
per-process cache would let an attacker multiply the allowed attempts by the number of workers.
"""

from django.db import models


class PercobaanMasuk(models.Model):
    """One failed login attempt for a username from an IP address."""

    username = models.CharField(max_length=150)
    ip = models.GenericIPAddressField(null=True, blank=True)
    waktu = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "percobaan masuk gagal"
        verbose_name_plural = "percobaan masuk gagal"
        indexes = [models.Index(fields=["username", "ip", "waktu"])]

    def __str__(self):
        return f"{self.username} dari {self.ip} ({self.waktu:%Y-%m-%d %H:%M})"
