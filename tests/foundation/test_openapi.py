"""The OpenAPI document is a contract a generator can use: valid 3.1, typed from the pydantic
shapes, every error code listed where it can happen, every request example accepted."""

import json
import re
import subprocess
import sys
import uuid

import pytest
from openapi_spec_validator import validate

from tests.backends import embedded_pass_only
from tests.builders import login_staff, make_department, make_staff, resident_session
from tests.support.server import REPO_ROOT, service_env

SOURCE_DIRS = ["app", "routes", "services", "push", "wechat", "bjpass", "config", "models"]
# How a code is raised or answered in the source: an error class's ``code``, a ``code="..."``
# argument, the framework translation table, a literal error response, a calendar-notice problem.
RAISE_PATTERNS = [
    r'\bcode\s*=\s*"([A-Z][A-Z0-9_]+)"',
    r'\bcode, message = (?:\d+, )?"([A-Z][A-Z0-9_]+)"',
    r'\bstatus, code = \d{3}, "([A-Z][A-Z0-9_]+)"',
    r'\(\w+, \d{3}, "([A-Z][A-Z0-9_]+)"',
    r'error_response\([^)]*?\d{3}, "([A-Z][A-Z0-9_]+)"',
    r'_problem\("([A-Z][A-Z0-9_]+)"',
]
# Codes no operation declares, and why.
UNDECLARED = {
    # Answered by the framework before any operation is chosen (a refused CORS preflight too).
    "METHOD_NOT_ALLOWED", "REQUEST_TIMEOUT", "BAD_REQUEST", "CORS_PREFLIGHT_REFUSED",
    # Carried back to the browser as ``login_error`` on the login callback's redirect
    # (docs/identity.md, "Login errors"), never as an error body.
    "BEIJING_PASS_CODE_INVALID", "BEIJING_PASS_DENIED", "BEIJING_PASS_UNAVAILABLE", "WECHAT_DENIED",
    "BEIJING_PASS_NOT_LEGAL_PERSON",
    # Stored data that no key opens or that was altered: a server fault, answered as a 500.
    "SEALED_DATA_UNREADABLE",
    # Defaults of the base error classes; every raise over the API names its own code.
    "NOT_FOUND", "CONFLICT", "RATE_LIMITED", "UPSTREAM_ERROR",
    # Only the command line (create-staff, sync-catalog) and internal ledger appends raise these.
    "UNKNOWN_ROLE",
    "USER_NOT_FOUND", "CATALOG_FILE_INVALID", "LEDGER_DATA_INVALID", "LEDGER_RECORD_TYPE_UNKNOWN",
}


@pytest.fixture
async def spec(client) -> dict:
    response = await client.get("/docs/openapi.json")
    assert response.status_code == 200
    return response.json()


def operations(spec: dict):
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def refs(node) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"]} if isinstance(node.get("$ref"), str) else set()
        return found.union(*(refs(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(refs(value) for value in node))
    return set()


@embedded_pass_only
async def test_the_document_validates_as_openapi_3_1_with_every_ref_resolved(spec):
    assert spec["openapi"] == "3.1.0"
    validate(spec)
    components = spec["components"]["schemas"]
    for ref in refs(spec):
        assert ref.startswith("#/components/schemas/"), ref
        assert ref.rsplit("/", 1)[1] in components, ref
    text = json.dumps(spec)
    assert "$defs" not in text
    assert '"model_config"' not in text


async def test_every_api_route_is_documented_with_a_unique_camel_case_operation_id(client, app, spec):
    documented = {(path, method) for path, method, _ in operations(spec)}
    for route in app.router.routes:
        path = "/" + route.path
        if not path.startswith("/api/v1/"):
            continue
        openapi_path = re.sub(r"<(\w+)(:[^>]+)?>", r"{\1}", path)
        for method in route.methods - {"HEAD", "OPTIONS"}:
            assert (openapi_path, method.lower()) in documented, (openapi_path, method)
    ids = [operation["operationId"] for _, _, operation in operations(spec)]
    assert len(ids) == len(set(ids))
    for operation_id in ids:
        assert re.fullmatch(r"[a-z][a-zA-Z0-9]*", operation_id), operation_id
    assert all(operation.get("summary") for _, _, operation in operations(spec))


async def test_shapes_are_typed_components(spec):
    schemas = spec["components"]["schemas"]
    # Required exactly as pydantic has it: an output field with a default is always sent.
    assert set(schemas["BookIn"]["required"]) == {"item_id", "slot_id"}
    assert "application_id" in schemas["AppointmentOut"]["required"]
    # Nullability in 3.1 style.
    assert {"type": "null"} in schemas["AppointmentOut"]["properties"]["checked_in_at"]["anyOf"]
    # Pages of a named item type, as their own component.
    assert schemas["Page_AppointmentOut_"]["properties"]["items"]["items"] == {
        "$ref": "#/components/schemas/AppointmentOut"}
    # Closed sets are enums; values that pass 2^31 are 64-bit.
    assert set(schemas["HandlingMode"]["enum"]) >= {"appointment", "online_prereview"}
    assert schemas["HeadOut"]["properties"]["timestamp_ms"]["format"] == "int64"
    # Free-form data is an object, not a Python dict's methods.
    assert schemas["ReceiveIn"]["properties"]["form_data"]["anyOf"][0] == {
        "type": "object", "additionalProperties": True}


async def test_parameters_bodies_and_files_are_typed(spec):
    items = spec["paths"]["/api/v1/catalog/items"]["get"]
    limit = next(p for p in items["parameters"] if p["name"] == "limit")
    assert limit["schema"]["type"] == "integer"
    assert (limit["schema"]["minimum"], limit["schema"]["maximum"]) == (1, 100)
    book = spec["paths"]["/api/v1/appointments"]["post"]
    header = next(p for p in book["parameters"] if p["in"] == "header")
    assert header["name"] == "Idempotency-Key" and header["required"] is True
    kinds = spec["paths"]["/api/v1/documents/{kind}/{document_id}/verification"]["get"]["parameters"][0]
    assert kinds["schema"]["enum"] == ["acceptance-receipt", "decision-notice", "certificate"]
    upload = spec["paths"]["/api/v1/applications/{application_id}/materials/{material_index}"]["put"]
    assert set(upload["requestBody"]["content"]) == {"application/pdf", "application/ofd", "image/jpeg",
                                                     "image/png", "multipart/form-data"}
    qr = spec["paths"]["/api/v1/appointments/{appointment_id}/qr.png"]["get"]["responses"]["200"]
    assert qr["content"]["image/png"]["schema"] == {"type": "string", "contentMediaType": "image/png"}


def codes_raised_in_source() -> set[str]:
    found: set[str] = set()
    for directory in SOURCE_DIRS:
        for source in (REPO_ROOT / directory).rglob("*.py"):
            text = source.read_text()
            for pattern in RAISE_PATTERNS:
                found.update(re.findall(pattern, text))
    return found


def codes_declared(spec: dict) -> set[str]:
    found: set[str] = set()
    for _, _, operation in operations(spec):
        for status, response in operation["responses"].items():
            if status[0] in "45":
                error = response["content"]["application/json"]["schema"]["properties"]["error"]
                found.update(error["properties"]["code"]["enum"])
    return found


def codes_documented() -> set[str]:
    return set(re.findall(r"^\| `?([A-Z][A-Z0-9_]+)`? \|", (REPO_ROOT / "docs/errors.md").read_text(), re.M))


async def test_raised_declared_and_documented_error_codes_agree(spec):
    raised, declared, documented = codes_raised_in_source(), codes_declared(spec), codes_documented()
    assert "TOKEN_EXPIRED" in declared
    assert raised - documented == set(), "raised but not in docs/errors.md"
    assert documented - raised == set(), "in docs/errors.md but never raised"
    assert declared - raised == set(), "declared by an endpoint but never raised"
    assert raised - declared == UNDECLARED, "raised but declared by no endpoint"


async def test_a_retried_create_is_answered_as_documented(spec):
    """A create repeated with its Idempotency-Key answers 200 with the first answer's body
    (tests/appointments/test_booking.py, tests/prereview/test_workflow.py): the document says so,
    so a generated client types that answer too (schemathesis found it undocumented)."""
    for path in ("/api/v1/appointments", "/api/v1/applications"):
        responses = spec["paths"][path]["post"]["responses"]
        assert responses["200"]["content"] == responses["201"]["content"], path


async def test_answers_that_say_when_to_retry_declare_retry_after(spec):
    """Every 429 and 503 carries Retry-After (tests/appointments/test_scalpers.py,
    tests/foundation/test_staff_login.py, tests/foundation/test_outages.py): a client can read it."""
    answers = [(path, status, response) for path, _, operation in operations(spec)
               for status, response in operation["responses"].items() if status in ("429", "503")]
    assert {("/api/v1/appointments", "429"), ("/api/v1/auth/staff/login", "429")} <= {
        (path, status) for path, status, _ in answers}
    for path, status, response in answers:
        assert response["headers"]["Retry-After"]["schema"]["type"] == "integer", (path, status)


async def test_a_kiosk_credential_is_declared_where_it_is_accepted(spec):
    """Check-ins and desk tickets take ``Authorization: Kiosk ...`` besides a clerk's token
    (tests/appointments/test_checkin.py): the document offers both, and the kiosk nowhere else."""
    assert spec["components"]["securitySchemes"]["kiosk"]["type"] == "http"
    kiosk = {(path, method) for path, method, operation in operations(spec)
             if {"kiosk": []} in operation.get("security", [])}
    assert kiosk == {("/api/v1/halls/{hall_id}/check-ins", "post"), ("/api/v1/halls/{hall_id}/desk-tickets", "post")}
    for path, method in kiosk:
        assert spec["paths"][path][method]["security"] == [{"bearer": []}, {"kiosk": []}]
    assert spec["paths"]["/api/v1/me"]["get"]["security"] == [{"bearer": []}]


async def test_answers_revalidated_by_etag_document_their_304(spec):
    """Catalog documents and QR images answer 304 to a current If-None-Match
    (tests/catalog/test_read_api.py, tests/appointments/test_checkin.py): the header and the 304
    are in the document, and only where an ETag is sent."""
    conditional = {(path, method) for path, method, operation in operations(spec)
                   if "304" in operation["responses"]}
    assert {("/api/v1/catalog/items/{item_id}", "get"), ("/api/v1/catalog/items", "get"),
            ("/api/v1/appointments/{appointment_id}/qr.png", "get")} <= conditional
    assert all(method == "get" for _, method in conditional)
    for path, method in conditional:
        headers = [p["name"] for p in spec["paths"][path][method]["parameters"] if p["in"] == "header"]
        assert "If-None-Match" in headers, path


async def test_every_request_body_has_an_example_the_endpoint_accepts(client, rt, spec):
    staff = await login_staff(rt, await make_staff(rt, roles=["admin"]))
    resident = await resident_session(rt)
    schemas = spec["components"]["schemas"]
    await make_department(code="HDGA")  # the department the catalog examples name
    refused = []
    for path, method, operation in operations(spec):
        content = operation.get("requestBody", {}).get("content", {})
        if "application/json" not in content:
            continue
        schema = schemas[content["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]]
        assert schema.get("examples"), (path, method)
        url = re.sub(r"\{material_index\}", "0", path)
        url = re.sub(r"\{\w+\}", str(uuid.uuid4()), url)
        for account in (staff, resident):
            response = await client.request(method, url, json=schema["examples"][0], headers={
                **account.headers, "idempotency-key": f"example-{uuid.uuid4().hex}"})
            if response.status_code != 403:
                break
        if response.status_code in (400, 422):
            refused.append((method, path, response.text))
    assert refused == []


async def test_docs_ui_is_served_from_the_package(client):
    page = await client.get("/docs")
    assert page.status_code == 200
    scripts = re.findall(r'src="([^"]+)"', page.text)
    assert scripts and all(src.startswith("/docs/static/") for src in scripts)
    for src in scripts:
        asset = await client.get(src)
        assert asset.status_code == 200 and asset.content


@embedded_pass_only
async def test_the_command_line_prints_the_served_document(spec, tmp_path):
    printed = subprocess.run([sys.executable, "-m", "app", "openapi"], cwd=REPO_ROOT, capture_output=True,
                             env=service_env(HDT_KEYS_DIR=str(tmp_path / "keys")), timeout=120, check=True)
    assert json.loads(printed.stdout) == spec
