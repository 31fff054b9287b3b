"""OAuth tokens are stored encrypted (Fernet, rotatable keys): the database file holds no
plaintext token, only the configured keys open it, and outside sandbox mode a key is required."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlmodel import Session

from agent.settings import AgentSettings
from api.app import create_app
from api.oauth_tables import StripeConnectionRow
from api.platform import Platform
from api.settings import ApiSettings
from api.token_crypto import EncryptionKeyMissing, TokenCipher
from tests.api import connect_support
from tests.api.conftest import ALICE
from tests.api.connect_support import FakeConnect, connect, install_connect, oauth_settings

# fixtures
fake_connect = connect_support.fake_connect


@pytest.fixture
def sqlite_platform(sandbox: object, tmp_path: Path) -> Iterator[tuple[Platform, Path]]:
    path = tmp_path / "at-rest.db"
    built = Platform.start(
        agent_settings=AgentSettings(DATABASE_URL=f"sqlite:///{path}"),  # type: ignore[call-arg]
        api_settings=ApiSettings(AGENT_API_KEYS="alice=key-alice-0123456789"),  # type: ignore[call-arg]
        sandbox=sandbox,
    )
    yield built, path
    built.db.close()


def database_bytes(path: Path) -> bytes:
    """The file and its write-ahead log: everything SQLite has put on disk."""
    parts = [path, path.with_name(path.name + "-wal")]
    return b"".join(p.read_bytes() for p in parts if p.exists())


def test_the_database_file_holds_no_plaintext_token(
    sqlite_platform: tuple[Platform, Path], fake_connect: FakeConnect
) -> None:
    platform, path = sqlite_platform
    install_connect(platform, fake_connect.url)
    with TestClient(create_app(platform)) as client:
        account = connect(client, ALICE, fake_connect)["account"]
        assert client.post("/api/auth/stripe/refresh", headers=ALICE).status_code == 200
    tokens = fake_connect.tokens_issued(account)
    assert len(tokens) == 4  # the first grant's pair, then the refreshed access token's pair
    on_disk = database_bytes(path)
    assert account.encode() in on_disk  # the right file, and the row is in it
    for token in tokens:
        assert token.encode() not in on_disk


def test_stored_tokens_open_only_with_the_configured_key(
    sqlite_platform: tuple[Platform, Path], fake_connect: FakeConnect
) -> None:
    platform, _ = sqlite_platform
    oauth = install_connect(platform, fake_connect.url)
    with TestClient(create_app(platform)) as client:
        connect(client, ALICE, fake_connect)
    with Session(platform.db.engine) as s:
        row = s.get(StripeConnectionRow, "alice")
    assert row is not None
    assert oauth.cipher.decrypt(row.access_token_enc).startswith("sk_test_")
    stranger = TokenCipher([Fernet.generate_key().decode()])
    with pytest.raises(EncryptionKeyMissing, match="cannot be decrypted"):
        stranger.decrypt(row.access_token_enc)


def test_a_rotated_key_list_still_opens_old_tokens_and_rotates_them() -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    sealed = TokenCipher([old]).encrypt("sk_test_rotating0000000000")
    rotated = TokenCipher.from_setting(f"{new},{old}", sandbox=False)
    assert rotated.decrypt(sealed) == "sk_test_rotating0000000000"
    resealed = rotated.rotate(sealed)
    assert TokenCipher([new]).decrypt(resealed) == "sk_test_rotating0000000000"


def test_sandbox_mode_without_a_key_uses_a_dev_key_and_warns(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="api.token_crypto"):
        cipher = TokenCipher.from_setting(None, sandbox=True)
    assert cipher.decrypt(cipher.encrypt("sk_test_x")) == "sk_test_x"
    assert any(
        r.levelno == logging.WARNING and "ATOM_OAUTH_ENCRYPTION_KEY" in r.getMessage()
        for r in caplog.records
    )


def test_outside_sandbox_connect_will_not_start_without_a_key(
    sqlite_platform: tuple[Platform, Path], fake_connect: FakeConnect
) -> None:
    platform, _ = sqlite_platform
    settings = oauth_settings(ATOM_OAUTH_ENCRYPTION_KEY=None)
    with pytest.raises(EncryptionKeyMissing, match="must be set outside sandbox mode"):
        install_connect(platform, fake_connect.url, settings=settings, sandbox=False)


def test_a_malformed_key_is_a_clear_error() -> None:
    with pytest.raises(EncryptionKeyMissing, match="comma-separated Fernet keys"):
        TokenCipher.from_setting("not-a-fernet-key", sandbox=False)


def test_the_key_setting_is_a_secret() -> None:
    settings = oauth_settings()
    assert isinstance(settings.encryption_keys, SecretStr)
    assert settings.encryption_keys.get_secret_value() not in repr(settings)
