"""Reviewing an IKI draft's quality: findings of kinerja.mutu, their dismissals, `kinerja periksa`."""
