"""Form data against an item's data template, as pre-review will check submissions."""

import pytest

from app.errors import AppError
from services.catalog import get_guide_version_or_raise, get_item_or_raise
from services.catalog.guide import validate_form_data
from tests.builders.catalog import item_id_of

TEMPLATE = {"fields": [
    {"name": "applicant_name", "label": "申请人姓名", "type": "string", "required": True, "max_length": 4},
    {"name": "id_number", "label": "公民身份号码", "type": "id_number", "required": True},
    {"name": "company_code", "label": "信用代码", "type": "string", "pattern": "^[0-9A-Z]{18}$"},
    {"name": "reason", "label": "原因", "type": "choice", "options": ["到期换领", "损坏换领"]},
    {"name": "moved_on", "label": "迁入日期", "type": "date"},
    {"name": "people", "label": "人数", "type": "integer"},
]}


def problems(data: dict) -> dict[str, str]:
    with pytest.raises(AppError) as raised:
        validate_form_data(template=TEMPLATE, data=data)
    assert raised.value.code == "FORM_DATA_INVALID"
    return {p["field"]: p["message"] for p in raised.value.details["fields"]}


def test_valid_data_passes():
    validate_form_data(template=TEMPLATE, data={
        "applicant_name": "张三", "id_number": "110108199003071238", "reason": "到期换领",
        "moved_on": "2025-10-09", "people": 2, "company_code": "91110108MA01ABCDE1"})


def test_each_broken_field_is_named():
    assert problems({"applicant_name": "欧阳娜娜娜", "id_number": "123", "reason": "想换",
                     "moved_on": "2025-13-01", "people": "2", "company_code": "x",
                     "nickname": "小张"}) == {
        "applicant_name": "长度不能超过 4", "id_number": "格式不正确", "reason": "不在可选项中",
        "moved_on": "应为 YYYY-MM-DD 日期", "people": "应为整数", "company_code": "格式不正确",
        "nickname": "未知字段"}


def test_missing_required_fields_are_named():
    assert problems({}) == {"applicant_name": "必填", "id_number": "必填"}


async def test_items_and_guides_for_other_domains(client, synced):
    item = await get_item_or_raise(item_id=await item_id_of(client, "GA001"))
    guide = await get_guide_version_or_raise(guide_id=(await client.get(
        f"/api/v1/catalog/items/{item.id}")).json()["guide"]["id"])

    assert (item.code, item.appointment_group, item.requires_realname) == ("GA001", "HUZHENG", True)
    assert guide.item_id == item.id and guide.version == 1
    validate_form_data(template=guide.data_template, data={"applicant_name": "张三"})
    for bad in ("nope", None, 42):
        with pytest.raises(AppError) as raised:
            await get_item_or_raise(item_id=bad)
        assert raised.value.code == "ITEM_NOT_FOUND"


def test_id_number_check_digit_and_birth_date_are_checked():
    assert problems({"applicant_name": "张三", "id_number": "110108199003071234"}) == {
        "id_number": "校验位不正确"}
    assert problems({"applicant_name": "张三", "id_number": "110108199013071234"}) == {
        "id_number": "出生日期无效"}


def test_phone_numbers_must_be_mainland_mobiles():
    template = {"fields": [{"name": "phone", "label": "手机", "type": "phone"}]}
    validate_form_data(template=template, data={"phone": "13800138000"})
    with pytest.raises(AppError) as raised:
        validate_form_data(template=template, data={"phone": "12800138000"})
    assert raised.value.details["fields"] == [{"field": "phone", "message": "格式不正确"}]
