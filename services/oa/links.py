"""Which links the account may send residents to: H5 pages on allowed hosts, our mini-program."""

from __future__ import annotations

from urllib.parse import urlsplit

from app.errors import AppError
from config import Settings


class LinkNotAllowed(AppError):
    status, code, message = 422, "OA_LINK_NOT_ALLOWED", "链接不在允许的域名内"


def check_h5_url(settings: Settings, url: str) -> None:
    """Refuse a link that is not https on an allowed host (or a subdomain of one)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    allowed = any(host == domain or host.endswith("." + domain) for domain in settings.oa_link_domains)
    if parts.scheme != "https" or not allowed:
        raise LinkNotAllowed(details={"url": url, "allowed_domains": settings.oa_link_domains})


def check_miniprogram(settings: Settings, app_id: str) -> None:
    """Refuse a mini-program link to any mini-program but ours."""
    if app_id != settings.wechat_miniprogram_app_id:
        raise LinkNotAllowed(details={"appid": app_id,
                                      "allowed_appid": settings.wechat_miniprogram_app_id})
