"""Start and stop the sandbox: localstripe plus the gateway, each its own process on loopback.

localstripe is GPL-3.0, so it is only ever run as a separate program (`python -m localstripe`),
never imported. Both processes are stopped by `stop()`, by the context manager, at interpreter
exit (atexit), and, should this process be killed outright, by the gateway itself: it watches
its parent and takes localstripe down with it. No orphans either way.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx

DEFAULT_API_KEY = "sk_test_51AtomSandbox0000000000000000000000000000"
PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def loopback_client(**options: Any) -> httpx.Client:
    """A client for our own loopback servers: plain HTTP, so no certificate store to build
    (that costs ~50 ms per client), and no proxy settings taken from the environment."""
    return httpx.Client(verify=False, trust_env=False, **options)


class SandboxError(RuntimeError):
    """The sandbox could not start; the message carries the tail of both logs."""


def free_port(family: socket.AddressFamily = socket.AF_INET, host: str = "127.0.0.1") -> int:
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def _upstream_port() -> int:
    """localstripe listens on `::` (all interfaces, v4 and v6): pick a port free there."""
    try:
        return free_port(socket.AF_INET6, "::")
    except OSError:
        return free_port()


PRIVATE_TMP = 'mount -t tmpfs -o size=512m tmpfs /tmp && exec "$@"'
NAMESPACES = (("--mount", "--propagation", "private"), ("--user", "--map-root-user", "--mount"))


def localstripe_command(port: int) -> list[str]:
    """`python -m localstripe`, in a private tmpfs /tmp where the system allows it.

    localstripe rewrites its whole store to /tmp/localstripe.pickle after every write (we never
    read it back: `--from-scratch`). On a disk-backed /tmp that I/O is about half its time, and
    every localstripe on the machine truncates the same file; a private tmpfs makes both go away.
    """
    command = [sys.executable, "-m", "localstripe", "--port", str(port), "--from-scratch"]
    namespace = _private_tmp_namespace()
    if namespace is None:
        return command
    return ["unshare", *namespace, "--", "sh", "-c", PRIVATE_TMP, "sh", *command]


@functools.cache
def _private_tmp_namespace() -> tuple[str, ...] | None:
    """The `unshare` options that can mount a private /tmp here (root, or user namespaces)."""
    if sys.platform != "linux" or os.environ.get("SANDBOX_PRIVATE_TMP") == "0":
        return None
    if shutil.which("unshare") is None or shutil.which("sh") is None:
        return None
    if _needs_real_tmp():
        return None
    for options in NAMESPACES:
        probe = ["unshare", *options, "--", "sh", "-c", PRIVATE_TMP, "sh", "true"]
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            if subprocess.run(probe, capture_output=True, timeout=10).returncode == 0:
                return options
    return None


def _needs_real_tmp() -> bool:
    """A tmpfs over /tmp would hide an interpreter, a venv or a checkout that lives there (a CI
    clone in /tmp, say), and localstripe would not even start."""
    places = (sys.executable, sys.prefix, os.getcwd(), __file__)
    return any(Path(p).resolve().is_relative_to("/tmp") for p in places)


class Sandbox:
    """A running localstripe behind the gateway; `url` is what a Stripe client should use."""

    def __init__(
        self,
        *,
        api_key: str = DEFAULT_API_KEY,
        port: int | None = None,
        startup_timeout: float = 30.0,
    ) -> None:
        self.api_key = api_key
        self._port = port
        self._timeout = startup_timeout
        self._procs: dict[str, subprocess.Popen[bytes]] = {}
        self._logdir: Path | None = None
        self._instance = ""
        self._last_logs = ""
        self._http: httpx.Client | None = None
        self.url = ""
        self.upstream_url = ""

    # -- lifecycle -----------------------------------------------------------------------------

    def start(self) -> Sandbox:
        """Start both processes; a port taken in the meantime by someone else means a retry
        on fresh ports (unless the caller chose the port)."""
        if self._procs:
            return self
        attempts = 1 if self._port else 3
        for attempt in range(attempts):
            try:
                self._start_once()
                break
            except SandboxError:
                if attempt == attempts - 1:
                    raise
        return self

    def _start_once(self) -> None:
        self._logdir = Path(tempfile.mkdtemp(prefix="stripe-sandbox-"))
        self._instance = secrets.token_hex(8)
        upstream_port = _upstream_port()
        gateway_port = self._port or free_port()
        self.upstream_url = f"http://127.0.0.1:{upstream_port}"
        self.url = f"http://127.0.0.1:{gateway_port}"
        atexit.register(self.stop)
        try:
            self._spawn("localstripe", localstripe_command(upstream_port))
            self._spawn("gateway", [sys.executable, *self._gateway_args(gateway_port)])
            self._wait_until_ready()
        except BaseException:
            failure = self.log_tail()
            self.stop()
            self._last_logs = failure
            raise

    def _gateway_args(self, port: int) -> list[str]:
        return [
            "-m", "sandbox.gateway",
            "--upstream", self.upstream_url,
            "--port", str(port),
            "--api-key", self.api_key,
            "--watch-parent", str(os.getpid()),
            "--upstream-pid", str(self._procs["localstripe"].pid),
            "--instance", self._instance,
        ]  # fmt: skip

    def _spawn(self, name: str, args: list[str]) -> None:
        assert self._logdir is not None
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(PACKAGE_ROOT), env.get("PYTHONPATH", "")) if p
        )
        env["PYTHONUNBUFFERED"] = "1"
        with (self._logdir / f"{name}.log").open("wb") as log:
            self._procs[name] = subprocess.Popen(
                args,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=self._logdir,
                env=env,
                start_new_session=True,
            )

    def _wait_until_ready(self) -> None:
        """Ready when localstripe says it listens and *our* gateway (by its instance token,
        not some other process on a reused port) answers with the upstream reachable."""
        deadline = time.monotonic() + self._timeout
        with loopback_client(timeout=2.0) as client:
            while time.monotonic() < deadline:
                for name, proc in self._procs.items():
                    if proc.poll() is not None:
                        raise SandboxError(
                            f"{name} exited with code {proc.returncode} during start-up.\n"
                            + self.log_tail()
                        )
                if self._listening() and self._healthy(client):
                    return
                time.sleep(0.05)
        raise SandboxError(
            f"The sandbox did not answer within {self._timeout:.0f}s.\n" + self.log_tail()
        )

    def _listening(self) -> bool:
        assert self._logdir is not None
        log = self._logdir / "localstripe.log"
        return log.exists() and b"Running on" in log.read_bytes()

    def _healthy(self, client: httpx.Client) -> bool:
        with contextlib.suppress(httpx.HTTPError, ValueError):
            answer = client.get(f"{self.url}/_sandbox/health")
            return answer.status_code == 200 and answer.json().get("instance") == self._instance
        return False

    def stop(self) -> None:
        """Stop both processes (gateway first), wait for them, remove the logs. Idempotent."""
        for name in ("gateway", "localstripe"):
            proc = self._procs.pop(name, None)
            if proc is None:
                continue
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(timeout=5)
        if self._logdir is not None:
            shutil.rmtree(self._logdir, ignore_errors=True)
            self._logdir = None
        if self._http is not None:
            self._http.close()
            self._http = None
        atexit.unregister(self.stop)

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- inspection ----------------------------------------------------------------------------

    @property
    def pids(self) -> dict[str, int]:
        return {name: proc.pid for name, proc in self._procs.items()}

    @property
    def running(self) -> bool:
        return bool(self._procs) and all(p.poll() is None for p in self._procs.values())

    def log_tail(self, lines: int = 30) -> str:
        """The end of both logs (after a failed start: the logs of that attempt)."""
        if self._logdir is None:
            return self._last_logs
        parts = []
        for name in ("localstripe", "gateway"):
            path = self._logdir / f"{name}.log"
            text = path.read_text(errors="replace") if path.exists() else ""
            tail = "\n".join(text.splitlines()[-lines:])
            parts.append(f"--- {name} log (last {lines} lines) ---\n{tail}")
        return "\n".join(parts)

    def control(self, method: str, path: str, **options: Any) -> httpx.Response:
        """A request to the gateway (`/_sandbox/...` control paths, or `/v1` without auth)."""
        if self._http is None:
            self._http = loopback_client(timeout=30.0)
        return self._http.request(method, f"{self.url}{path}", **options)

    def reset(self) -> None:
        """Empty the sandbox (localstripe's store and every gateway table) in place."""
        self.control("POST", "/_sandbox/reset").raise_for_status()
