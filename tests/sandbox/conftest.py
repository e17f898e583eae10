"""The sandbox's own tests get the sandbox fixtures every other test can import."""

from tests.sandbox_fixture import make_sandbox, sandbox

__all__ = ["make_sandbox", "sandbox"]
