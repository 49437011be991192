"""The OA server callback, driven by messages built and signed with wechatpy as WeChat would."""

import asyncio
import dataclasses
import hashlib
import secrets
import time

import httpx
import pytest
from wechatpy import parse_message
from wechatpy.crypto import WeChatCrypto

from models.push import OAFollower
from services import oa_callback, push_callbacks
from tests.builders import emulated_openid, follow_oa, make_wechat_resident

CALLBACK = "/api/v1/wechat/oa/callback"


def signed_params(token: str, *, timestamp: int | None = None) -> dict[str, str]:
    timestamp_text, nonce = str(timestamp or int(time.time())), secrets.token_hex(8)
    signature = hashlib.sha1("".join(sorted([token, timestamp_text, nonce])).encode()).hexdigest()
    return {"signature": signature, "timestamp": timestamp_text, "nonce": nonce}


def event_xml(openid: str, *, msg_type: str = "event", **fields: str) -> str:
    inner = "".join(f"<{k}><![CDATA[{v}]]></{k}>" for k, v in fields.items())
    return (f"<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[{openid}]]>"
            f"</FromUserName><CreateTime>{int(time.time())}</CreateTime>"
            f"<MsgType><![CDATA[{msg_type}]]></MsgType>{inner}</xml>")


async def post_plain(client: httpx.AsyncClient, settings, xml: str, **param_overrides) -> httpx.Response:
    params = {**signed_params(settings.oa_callback_token), **param_overrides}
    return await client.post(CALLBACK, params=params, content=xml.encode())


@pytest.fixture
def openid(settings) -> str:
    return emulated_openid(settings.wechat_oa_app_id, "zhangsan")


async def test_url_verification_echoes_only_for_a_valid_signature(client, settings):
    params = {**signed_params(settings.oa_callback_token), "echostr": "1234567890"}
    good = await client.get(CALLBACK, params=params)
    assert (good.status_code, good.text) == (200, "1234567890")
    forged = await client.get(CALLBACK, params={**params, "signature": "0" * 40})
    assert forged.status_code == 403
    assert forged.json()["error"]["code"] == "OA_SIGNATURE_INVALID"
    unsigned = await client.get(CALLBACK, params={"echostr": "x"})
    assert unsigned.status_code == 422


def test_an_empty_token_verifies_no_signature(rt):
    """Anyone can compute the signature of an empty token: with none configured, nothing passes."""
    unset = dataclasses.replace(rt, settings=rt.settings.model_copy(
        update={"oa_callback_token": "", "mp_callback_token": ""}))
    params = oa_callback.CallbackParams(**signed_params(""), echostr="1234567890")
    for verify in (oa_callback.verify_url, push_callbacks.verify_mp_url):
        with pytest.raises(oa_callback.SignatureInvalid):
            verify(rt=unset, params=params)


async def test_plain_subscribe_records_the_follower_and_replies_with_the_welcome(
        client, settings, rt, openid):
    user = await make_wechat_resident(rt, user_key="zhangsan")
    response = await post_plain(client, settings, event_xml(openid, Event="subscribe"))
    assert response.status_code == 200
    reply = parse_message(response.text)
    assert (reply.type, reply.content, reply.target) == ("text", settings.oa_welcome_message, openid)
    follower = await OAFollower.get(openid=openid)
    assert follower.subscribed and follower.user_id == user.id

    gone = await post_plain(client, settings, event_xml(openid, Event="unsubscribe"))
    assert gone.text == "success"
    assert not (await OAFollower.get(openid=openid)).subscribed


async def test_safe_mode_decrypts_wechatpy_messages_and_encrypts_the_reply(client, settings, openid):
    crypto = WeChatCrypto(settings.oa_callback_token, settings.oa_encoding_aes_key, settings.wechat_oa_app_id)
    params = signed_params(settings.oa_callback_token)
    sealed = crypto.encrypt_message(event_xml(openid, msg_type="text", Content="预约", MsgId="1"),
                                    params["nonce"], params["timestamp"])
    msg_signature = parse_signature(sealed)
    response = await client.post(CALLBACK, content=sealed.encode(),
                                 params={**params, "encrypt_type": "aes", "msg_signature": msg_signature})
    assert response.status_code == 200
    reply_xml = parse_reply(crypto, response.text)
    assert parse_message(reply_xml).content == settings.oa_auto_replies["预约"]

    tampered = sealed.replace("<Encrypt><![CDATA[", "<Encrypt><![CDATA[AAAA")
    params = signed_params(settings.oa_callback_token)
    refused = await client.post(CALLBACK, content=tampered.encode(),
                                params={**params, "encrypt_type": "aes", "msg_signature": msg_signature})
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "OA_SIGNATURE_INVALID"


def parse_signature(sealed: str) -> str:
    return sealed.split("<MsgSignature><![CDATA[")[1].split("]]>")[0]


def parse_reply(crypto: WeChatCrypto, sealed: str) -> str:
    tag = sealed.split("<TimeStamp>")[1].split("</TimeStamp>")[0]
    nonce = sealed.split("<Nonce><![CDATA[")[1].split("]]>")[0]
    return crypto.decrypt_message(sealed, parse_signature(sealed), tag, nonce)


async def test_menu_click_and_scan_get_their_configured_replies(client, settings, openid):
    click = await post_plain(client, settings, event_xml(openid, Event="CLICK", EventKey="MENU_HOTLINE"))
    assert parse_message(click.text).content == "海淀区政务服务热线：12345"
    scan = await post_plain(client, settings, event_xml(openid, Event="SCAN", EventKey="42", Ticket="t"))
    assert scan.text == "success"  # no reply configured for this scene


async def test_replayed_stale_and_forged_callbacks_are_refused(client, settings, openid):
    params = signed_params(settings.oa_callback_token)
    xml = event_xml(openid, Event="CLICK", EventKey="MENU_HOTLINE")
    assert (await client.post(CALLBACK, params=params, content=xml.encode())).status_code == 200
    replay = await client.post(CALLBACK, params=params, content=xml.encode())
    assert (replay.status_code, replay.json()["error"]["code"]) == (403, "OA_CALLBACK_REPLAYED")
    stale = await post_plain(client, settings, xml,
                             **signed_params(settings.oa_callback_token, timestamp=int(time.time()) - 3600))
    assert stale.json()["error"]["code"] == "OA_CALLBACK_REPLAYED"
    forged = await post_plain(client, settings, event_xml(openid, Event="subscribe"), signature="f" * 40)
    assert forged.json()["error"]["code"] == "OA_SIGNATURE_INVALID"
    assert await OAFollower.all().count() == 0


async def test_concurrent_callbacks_accept_each_nonce_once(client, settings, openid):
    """Callbacks arriving together have their nonces claimed together (one Redis round trip):
    ten distinct calls, each sent twice at once, are answered once each and refused once each."""
    calls = [signed_params(settings.oa_callback_token) for _ in range(10)]
    xml = event_xml(openid, Event="CLICK", EventKey="MENU_HOTLINE").encode()
    answers = await asyncio.gather(*(client.post(CALLBACK, params=params, content=xml)
                                     for params in calls * 2))
    by_call = [sorted(answers[n].status_code for n in (i, i + len(calls))) for i in range(len(calls))]
    assert by_call == [[200, 403]] * len(calls)


@pytest.mark.parametrize("body", ["<xml><MsgType>event", "not xml at all", "<other/>", ""])
async def test_malformed_xml_is_a_clear_400(client, settings, body):
    response = await post_plain(client, settings, body)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "OA_MESSAGE_MALFORMED"


async def test_the_emulator_signs_its_events_in_safe_mode(client, wechat, settings, rt):
    """The emulator POSTs AES-encrypted events like WeChat; following creates the follower."""
    await make_wechat_resident(rt, user_key="lisi")
    answer = await follow_oa(wechat, "lisi")
    assert (await OAFollower.get(openid=answer["openid"])).subscribed
