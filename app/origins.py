"""Which browser origins may call the API (CORS) and receive a finished browser login."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from config import Settings
from config.settings import is_loopback_origin, normalise_origin


@dataclass(frozen=True)
class OriginPolicy:
    """The front-end origins of the settings, as exact ``scheme://host[:port]`` strings."""

    login_return: frozenset[str]
    api: frozenset[str]
    any_loopback: bool

    @classmethod
    def of(cls, settings: Settings) -> OriginPolicy:
        """Our own origin and the configured ones; any loopback port too in development."""
        ours = urlsplit(settings.public_base_url)
        login_return = frozenset({normalise_origin(f"{ours.scheme}://{ours.netloc}"),
                                  *settings.login_return_origins})
        return cls(login_return, login_return | frozenset(settings.cors_origins),
                   settings.allows_loopback_origins)

    def may_return_to(self, origin: str) -> bool:
        """Whether a browser login may send the browser back to a page of ``origin``."""
        return origin in self.login_return or (self.any_loopback and is_loopback_origin(origin))

    def may_call_api(self, origin: str) -> bool:
        """Whether a page of ``origin`` may read the API's answers (CORS)."""
        return origin in self.api or (self.any_loopback and is_loopback_origin(origin))
