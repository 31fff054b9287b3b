"""Encryption of OAuth tokens at rest: Fernet (AES-128-CBC + HMAC-SHA256), several keys for
rotation (MultiFernet: the first key encrypts, every key decrypts).

Tokens are only ever decrypted to call Stripe; the database holds ciphertext alone, so a copy of
the database file (a backup, a leaked volume) yields no usable token without the key.
"""

from __future__ import annotations

import logging

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

log = logging.getLogger(__name__)


class EncryptionKeyMissing(RuntimeError):
    """Outside sandbox mode tokens may not be stored under a throwaway key."""


class TokenCipher:
    def __init__(self, keys: list[str]) -> None:
        if not keys:
            raise EncryptionKeyMissing("At least one Fernet key is required.")
        try:
            self._fernet = MultiFernet([Fernet(k.encode()) for k in keys])
        except (ValueError, TypeError) as err:
            raise EncryptionKeyMissing(
                "ATOM_OAUTH_ENCRYPTION_KEY must be comma-separated Fernet keys "
                "(generate one with: python -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())')."
            ) from err

    @classmethod
    def from_setting(cls, spec: str | None, *, sandbox: bool) -> TokenCipher:
        """Keys from ATOM_OAUTH_ENCRYPTION_KEY; in sandbox mode a dev key if it is unset."""
        keys = [k.strip() for k in (spec or "").split(",") if k.strip()]
        if keys:
            return cls(keys)
        if not sandbox:
            raise EncryptionKeyMissing(
                "ATOM_OAUTH_ENCRYPTION_KEY must be set outside sandbox mode: OAuth tokens are "
                "stored encrypted with it."
            )
        log.warning(
            "ATOM_OAUTH_ENCRYPTION_KEY is unset: OAuth tokens are encrypted with a generated "
            "development key and cannot be read after a restart (sandbox mode only)."
        )
        return cls([Fernet.generate_key().decode()])

    def encrypt(self, plaintext: str) -> str:
        return self._fernet.encrypt(plaintext.encode()).decode()

    def decrypt(self, ciphertext: str) -> str:
        """The plaintext; raises EncryptionKeyMissing when no configured key opens it."""
        try:
            return self._fernet.decrypt(ciphertext.encode()).decode()
        except InvalidToken as err:
            raise EncryptionKeyMissing(
                "A stored OAuth token cannot be decrypted with the configured keys "
                "(was ATOM_OAUTH_ENCRYPTION_KEY rotated without keeping the old key?)."
            ) from err

    def rotate(self, ciphertext: str) -> str:
        """Re-encrypt under the newest key."""
        return self._fernet.rotate(ciphertext.encode()).decode()
