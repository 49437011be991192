"""The public ledger API: signed tree heads, entries, RFC 9162 proofs and the "verified" mark.

Public on purpose, like certificate transparency: anyone may check the log. Entries hold
opaque ids and hashes only (see services/ledger_templates.py).
"""

from __future__ import annotations

from pydantic import Field
from sanic import Blueprint, Request
from sanic.response import HTTPResponse

from app.api import JsonWebKeySet, endpoint, jwks_response, respond
from app.auth import public
from app.errors import ValidationFailed
from app.shapes import Page, Schema, decode_cursor, encode_cursor
from services import ledger
from services.ledger.shapes import (
    ApplicationLedgerOut,
    ConsistencyOut,
    EntriesOut,
    EntryOut,
    HeadOut,
    InclusionOut,
    LogOut,
    ProofOut,
    VerifiedEntryOut,
)

bp = Blueprint("ledger", url_prefix="/api/v1/ledger")
TAG = "存证账本"
MAX_SIZE = 2**62  # larger numbers cannot be tree sizes and would overflow BIGINT columns


class HeadsQuery(Schema):
    cursor: str | None = None
    limit: int = Field(100, ge=1, le=1000)


class EntriesQuery(Schema):
    start: int = Field(ge=0, le=MAX_SIZE)
    end: int = Field(ge=0, le=MAX_SIZE)


class ProofQuery(Schema):
    tree_size: int | None = Field(None, ge=1, le=MAX_SIZE, description="默认最新签名树头")


class ConsistencyQuery(Schema):
    first: int = Field(ge=1, le=MAX_SIZE)
    second: int = Field(ge=1, le=MAX_SIZE)


def _proof(index: int, tree_size: int, hashes: list[bytes]) -> ProofOut:
    return ProofOut(leaf_index=index, tree_size=tree_size, hashes=[h.hex() for h in hashes])


@bp.get("/log")
@endpoint(summary="账本当前大小、根哈希与最新签名树头", tag=TAG, response=LogOut,
          errors=[(503, "LEDGER_INTEGRITY_ERROR")])
@public
async def log_state(request: Request) -> HTTPResponse:
    state = await ledger.log_state()
    return respond(LogOut(tree_size=state.tree_size, root_hash=state.root_hash.hex(),
                          latest_head=HeadOut.of(state.latest_head) if state.latest_head else None))


@bp.get("/keys")
@endpoint(summary="树头签名公钥 (JWKS)，轮换后旧公钥仍保留以验证旧树头", tag=TAG, response=JsonWebKeySet)
@public
async def keys(request: Request) -> HTTPResponse:
    return jwks_response(request.app.ctx.runtime.keyrings["ledger"])


@bp.get("/heads")
@endpoint(summary="全部签名树头（按大小升序，游标分页）", tag=TAG, query=HeadsQuery,
          response=Page[HeadOut], errors=[(422, "INVALID_CURSOR")])
@public
async def heads(request: Request, query: HeadsQuery) -> HTTPResponse:
    after = decode_cursor(query.cursor) if query.cursor else "0"
    if not after.isdigit() or int(after) > MAX_SIZE:
        raise ValidationFailed("分页游标无效", code="INVALID_CURSOR")
    items = await ledger.list_heads(after_size=int(after), limit=query.limit)
    cursor = encode_cursor(str(items[-1].tree_size)) if len(items) == query.limit else None
    return respond(Page[HeadOut](items=[HeadOut.of(h) for h in items], next_cursor=cursor))


@bp.get("/heads/latest")
@endpoint(summary="最新签名树头", tag=TAG, response=HeadOut, errors=[(404, "LEDGER_HEAD_NOT_FOUND")])
@public
async def latest_head(request: Request) -> HTTPResponse:
    return respond(HeadOut.of(await ledger.latest_head_or_raise()))


@bp.get("/heads/<tree_size:int>")
@endpoint(summary="指定大小的签名树头", tag=TAG, response=HeadOut,
          errors=[(404, "LEDGER_HEAD_NOT_FOUND"), (422, "LEDGER_SIZE_BEYOND_HEAD"),
                  (422, "LEDGER_RANGE_INVALID")])
@public
async def head_at(request: Request, tree_size: int) -> HTTPResponse:
    return respond(HeadOut.of(await ledger.head_at_or_raise(size=tree_size)))


@bp.get("/entries")
@endpoint(summary="按区间 [start, end) 读取条目（一次最多 1000 条）", tag=TAG, query=EntriesQuery,
          response=EntriesOut, errors=[(422, "LEDGER_RANGE_INVALID"), (422, "LEDGER_SIZE_BEYOND_HEAD")])
@public
async def entries(request: Request, query: EntriesQuery) -> HTTPResponse:
    found = await ledger.entries_between(start=query.start, end=query.end)
    return respond(EntriesOut(start=query.start, end=query.end, entries=[EntryOut.of(e) for e in found]))


@bp.get("/entries/<entry_id:str>/proof")
@endpoint(summary="条目的包含性证明（默认对最新签名树头）", tag=TAG, query=ProofQuery, response=InclusionOut,
          errors=[(404, "LEDGER_ENTRY_NOT_FOUND"), (404, "LEDGER_HEAD_NOT_FOUND"),
                  (409, "LEDGER_ENTRY_NOT_YET_SIGNED"), (422, "LEDGER_SIZE_BEYOND_HEAD")])
@public
async def inclusion(request: Request, entry_id: str, query: ProofQuery) -> HTTPResponse:
    proof = await ledger.inclusion_proof(entry_id=entry_id, size=query.tree_size)
    return respond(InclusionOut(entry=EntryOut.of(proof.entry), head=HeadOut.of(proof.head),
                                proof=_proof(proof.entry.seq, proof.head.tree_size, proof.hashes)))


@bp.get("/consistency")
@endpoint(summary="两个树大小之间的一致性证明", tag=TAG, query=ConsistencyQuery, response=ConsistencyOut,
          errors=[(422, "LEDGER_RANGE_INVALID"), (422, "LEDGER_SIZE_BEYOND_HEAD")])
@public
async def consistency(request: Request, query: ConsistencyQuery) -> HTTPResponse:
    hashes = await ledger.consistency_proof(first=query.first, second=query.second)
    return respond(ConsistencyOut(first_size=query.first, second_size=query.second,
                                  hashes=[h.hex() for h in hashes]))


@bp.get("/applications/<application_id:str>")
@endpoint(summary="办件的全部存证记录及其证明与“已验证”标记", tag=TAG, response=ApplicationLedgerOut,
          errors=[(404, "LEDGER_APPLICATION_NOT_FOUND")])
@public
async def application(request: Request, application_id: str) -> HTTPResponse:
    record = await ledger.application_record(application_id=application_id, rt=request.app.ctx.runtime)
    return respond(ApplicationLedgerOut(
        application_id=record.application_id, verified=record.verified,
        head=HeadOut.of(record.head) if record.head else None,
        entries=[VerifiedEntryOut(entry=EntryOut.of(item.entry), status=item.status,
                                  proof=_proof(item.entry.seq, record.head.tree_size, item.hashes)
                                  if item.hashes is not None and record.head else None)
                 for item in record.entries]))
