"""The ``Sandbox``: SMTPeter's SMTP and REST APIs on this computer, started and stopped as one."""

from __future__ import annotations

import types
from pathlib import Path

from smtpeter_desktop.sandbox import certs, files
from smtpeter_desktop.sandbox.api import Api
from smtpeter_desktop.sandbox.config import SandboxConfig
from smtpeter_desktop.sandbox.errors import StartError
from smtpeter_desktop.sandbox.faults import Faults
from smtpeter_desktop.sandbox.rest import RestService
from smtpeter_desktop.sandbox.smtp import Handler, SmtpService
from smtpeter_desktop.sandbox.store import CapturedMessage, Store


class Sandbox:
    """A running local SMTPeter; a context manager.

    ``start()`` returns once both SMTP servers and the REST server listen, or raises a
    ``SandboxError`` saying why they cannot; ``stop()`` hangs up on every client and joins
    every thread, within about a second even while a delay rule holds an answer back.

    Attributes:
        host: the loopback address listened on.
        smtp_port: SMTP with STARTTLS required (the real port once started).
        smtps_port: SMTP with TLS from the first byte.
        rest_port: the HTTPS REST API.
        ca_file: the sandbox CA's certificate, for a client or profile to trust.
        rest_base_url: ``https://<host>:<rest_port>/v1``.
        faults: the fault rules, changeable while running.
        data_dir: where the CA and the captured messages are kept.
    """

    def __init__(self, config: SandboxConfig) -> None:
        self.config = config
        self.host = config.host
        self.smtp_port = config.smtp_port
        self.smtps_port = config.smtps_port
        self.rest_port = config.rest_port
        self.data_dir = config.data_dir
        self.ca_file = config.data_dir / certs.CA_FILE
        self.faults = Faults()
        self._store = Store(config.data_dir / "messages")
        self._smtp: SmtpService | None = None
        self._rest: RestService | None = None

    @property
    def messages_dir(self) -> Path:
        """The folder of the kept ``.eml`` and ``.json`` files."""
        return self._store.folder

    @property
    def rest_base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"https://{host}:{self.rest_port}/v1"

    @property
    def running(self) -> bool:
        return self._smtp is not None

    def start(self) -> Sandbox:
        """Make the data folder and CA when missing, then listen on all three ports."""
        if self.running:
            return self
        try:
            # An existing data folder is left as it is (it may be any folder the user
            # chose); what the sandbox writes in it is private all the same.
            files.private_folder(self.data_dir, tighten=False)
            self._store.make_private()
        except OSError as exc:
            raise StartError(
                f"The sandbox cannot make its data folder {self.data_dir} ({exc}): "
                "choose a folder you can write to."
            ) from exc
        tls = certs.server_context(certs.load_or_create_ca(self.data_dir))
        config = self.config
        handler = Handler(self._store, self.faults, config.users, config.sender_domains)
        smtp = SmtpService(config.host, config.smtp_port, config.smtps_port, tls, handler)
        self.smtp_port, self.smtps_port = smtp.start()
        api = Api(self._store, self.faults, config.token, config.sender_domains)
        rest = RestService(config.host, config.rest_port, tls, api, self.faults)
        try:
            self.rest_port = rest.start()
        except BaseException:
            smtp.stop()
            raise
        self._smtp, self._rest = smtp, rest
        return self

    def stop(self) -> None:
        """Stop all three servers; safe to call twice, or on a sandbox that never started."""
        smtp, rest = self._smtp, self._rest
        self._smtp = self._rest = None
        if rest is not None:
            rest.stop()
        if smtp is not None:
            smtp.stop()

    def messages(self) -> list[CapturedMessage]:
        """Every message accepted so far (this run and earlier ones), oldest first."""
        return self._store.messages()

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: types.TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = "running" if self.running else "stopped"
        return (
            f"<Sandbox {state} smtp={self.host}:{self.smtp_port} smtps={self.smtps_port} "
            f"rest={self.rest_base_url} data={self.data_dir}>"
        )
