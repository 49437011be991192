"""WeChat Pay API v3 cryptography: the merchant's request signature, the platform's response and
notification signatures, AEAD_AES_256_GCM resources and the ``wx.requestPayment`` signature.

Written on ``cryptography`` rather than a WeChat Pay SDK: wechatpy (1.8) speaks only API v2 (XML,
MD5/HMAC), and the v3 SDKs (wechatpayv3) send their own blocking ``requests`` calls, while our
HTTP goes through ``app.http`` (aiohttp). The v3 primitives are a few lines each (docs/payments.md).
The emulator (emulators/wechatpay.py) uses the same functions for the other side of each exchange.
"""

from __future__ import annotations

import base64
import os
import re
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from config import Settings

SCHEMA = "WECHATPAY2-SHA256-RSA2048"
_AUTH_FIELD = re.compile(r'(\w+)="([^"]*)"')


class ResourceUndecryptable(Exception):
    """An encrypted resource that does not open under the APIv3 key (forged or corrupted)."""


def nonce() -> str:
    """A random 32-character nonce string, as WeChat Pay's examples use."""
    return secrets.token_hex(16).upper()


def signed_message(*parts: str | bytes) -> bytes:
    """WeChat Pay's signed message: each part followed by a newline."""
    return b"".join((p.encode() if isinstance(p, str) else p) + b"\n" for p in parts)


def sign(key: rsa.RSAPrivateKey, message: bytes) -> str:
    """SHA256withRSA (PKCS#1 v1.5), base64, as every v3 signature is."""
    return base64.b64encode(key.sign(message, padding.PKCS1v15(), hashes.SHA256())).decode()


def verify(public_key: rsa.RSAPublicKey, message: bytes, signature: str) -> bool:
    """Whether ``signature`` (base64) is the key's SHA256withRSA signature of ``message``."""
    try:
        public_key.verify(base64.b64decode(signature, validate=True), message, padding.PKCS1v15(),
                          hashes.SHA256())
    except (InvalidSignature, ValueError):
        return False
    return True


def authorization(*, mch_id: str, serial: str, key: rsa.RSAPrivateKey, method: str, path: str,
                  body: bytes, timestamp: int, nonce_str: str) -> str:
    """The ``Authorization`` header of one merchant request (``path`` with its query string)."""
    signature = sign(key, signed_message(method, path, str(timestamp), nonce_str, body))
    return (f'{SCHEMA} mchid="{mch_id}",nonce_str="{nonce_str}",signature="{signature}",'
            f'timestamp="{timestamp}",serial_no="{serial}"')


def parse_authorization(header: str) -> dict[str, str]:
    """The fields of an ``Authorization`` header of our schema; empty for any other."""
    scheme, _, rest = header.partition(" ")
    return dict(_AUTH_FIELD.findall(rest)) if scheme == SCHEMA else {}


def encrypt_resource(*, apiv3_key: str, plaintext: bytes, associated_data: str) -> dict[str, str]:
    """An AEAD_AES_256_GCM resource as WeChat Pay sends it (12-character nonce, base64 ciphertext)."""
    nonce_str = secrets.token_hex(6)
    ciphertext = AESGCM(apiv3_key.encode()).encrypt(nonce_str.encode(), plaintext, associated_data.encode())
    return {"algorithm": "AEAD_AES_256_GCM", "ciphertext": base64.b64encode(ciphertext).decode(),
            "associated_data": associated_data, "nonce": nonce_str}


def decrypt_resource(*, apiv3_key: str, resource: dict[str, str]) -> bytes:
    """Open an AEAD_AES_256_GCM resource; the tag authenticates it under the APIv3 key."""
    try:
        if resource.get("algorithm") != "AEAD_AES_256_GCM":
            raise ResourceUndecryptable("algorithm")
        return AESGCM(apiv3_key.encode()).decrypt(
            str(resource["nonce"]).encode(), base64.b64decode(resource["ciphertext"], validate=True),
            str(resource.get("associated_data") or "").encode() or None)
    except (InvalidTag, KeyError, ValueError, TypeError) as exc:
        raise ResourceUndecryptable(type(exc).__name__) from exc


def request_payment(*, app_id: str, prepay_id: str, key: rsa.RSAPrivateKey, timestamp: int,
                    nonce_str: str) -> dict[str, str]:
    """The parameters of ``wx.requestPayment`` for one prepay id, signed by the merchant (RSA)."""
    package = f"prepay_id={prepay_id}"
    return {"appId": app_id, "timeStamp": str(timestamp), "nonceStr": nonce_str, "package": package,
            "signType": "RSA",
            "paySign": sign(key, signed_message(app_id, str(timestamp), nonce_str, package))}


def merchant_key_path(settings: Settings) -> Path:
    return settings.wechatpay_private_key_path or settings.keys_dir / "wechatpay" / "apiclient_key.pem"


def load_merchant_key(settings: Settings) -> rsa.RSAPrivateKey:
    """The merchant's API private key; development creates one on first use (the emulator reads it
    too, as WeChat Pay holds the merchant certificate's public key)."""
    path = merchant_key_path(settings)
    if not path.exists() and settings.env != "production":
        path.parent.mkdir(parents=True, exist_ok=True)
        pem = rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        # Written aside and linked in: of two processes creating it at once, both read the winner's.
        spare = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        spare.write_bytes(pem)
        spare.chmod(0o600)
        try:
            os.link(spare, path)
        except FileExistsError:
            pass
        finally:
            spare.unlink()
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError(f"{path}: not an RSA private key")
    return key
