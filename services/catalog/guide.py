"""The shape of a guide (办事指南): materials, steps and the per-item data template (表单字段).

Used by catalog sync, the admin API and, later, pre-review to validate submitted form data.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from app.errors import ValidationFailed

FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]{0,47}$")
CERTIFICATE_TYPE = r"^[a-z][a-z0-9_]{0,39}$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MaterialForm(StrEnum):
    PAPER = "paper"  # 纸质
    ELECTRONIC = "electronic"  # 电子
    PAPER_OR_ELECTRONIC = "paper_or_electronic"


class Material(Strict):
    """要件 — one required material of a guide."""

    name: str = Field(min_length=1, max_length=128)
    form: MaterialForm = MaterialForm.PAPER_OR_ELECTRONIC
    copies: int = Field(1, ge=0, le=20)
    original_required: bool = False  # 原件 (True) or 复印件 (False)
    required: bool = True
    from_e_certificate: bool = False  # may be taken from the resident's e-certificate wallet
    # The e-certificate type that may stand in for this material (e.g. "business_license").
    certificate_type: str | None = Field(None, pattern=CERTIFICATE_TYPE)
    reusable: bool = False  # may be reused from an earlier application
    description: str = Field("", max_length=1000)
    sample_url: str | None = Field(None, max_length=512)


class StepName(StrEnum):
    """The standard handling steps of a guide (an Enum, not a Literal: the OpenAPI generator
    documents Literal fields as objects)."""

    CONSULT = "咨询"
    PRE_REVIEW = "预审"
    APPLY = "申请"
    ACCEPT = "受理"
    EXAMINE = "审查"
    DECIDE = "决定"
    DELIVER = "证件制作与送达"
    PUBLISH = "决定公开"
    CHARGE = "收费"


class Step(Strict):
    """办理环节 — one step of handling with its time limit in working days (0 = same day)."""

    name: StepName
    limit_days: int = Field(0, ge=0, le=365)
    description: str = Field("", max_length=1000)


class Result(Strict):
    """办理结果 — what the resident receives: a certificate, possibly as an e-certificate."""

    name: str = Field(min_length=1, max_length=64)  # e.g. 营业执照
    certificate_type: str = Field(pattern=CERTIFICATE_TYPE)
    e_certificate: bool = True  # issued into the resident's e-certificate wallet
    validity_days: int | None = Field(None, ge=1, le=36500)  # None: no time limit


class FieldType(StrEnum):
    STRING = "string"
    TEXT = "text"
    INTEGER = "integer"
    NUMBER = "number"
    DATE = "date"
    BOOLEAN = "boolean"
    CHOICE = "choice"
    MULTI_CHOICE = "multi_choice"
    ID_NUMBER = "id_number"
    PHONE = "phone"


class ApplicantAttribute(StrEnum):
    """申请人本人信息 — what of the applicant's verified identity a form field holds."""

    NAME = "name"  # 姓名, from the real-name identity
    ID_NUMBER = "id_number"  # 身份证号, from the real-name identity
    PHONE = "phone"  # 手机号, from the verified phone binding


# The field types that can hold each attribute of the applicant.
APPLICANT_TYPES = {ApplicantAttribute.NAME: {FieldType.STRING},
                    ApplicantAttribute.ID_NUMBER: {FieldType.ID_NUMBER},
                    ApplicantAttribute.PHONE: {FieldType.PHONE}}

_CHOICE_TYPES = {FieldType.CHOICE, FieldType.MULTI_CHOICE}
_TEXT_TYPES = {FieldType.STRING, FieldType.TEXT}
_BUILTIN_PATTERNS = {
    FieldType.ID_NUMBER: re.compile(r"^\d{17}[\dX]$"),
    FieldType.PHONE: re.compile(r"^1[3-9]\d{9}$"),
}
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_DIGITS = "10X98765432"


def id_number_problem(value: str) -> str | None:
    """Why an 18-digit resident ID number (GB 11643) is wrong: birth date or check digit."""
    try:
        born = date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return "出生日期无效"
    if born > date.today() or born.year < 1900:
        return "出生日期无效"
    expected = _ID_CHECK_DIGITS[sum(int(d) * w for d, w in zip(value[:17], _ID_WEIGHTS, strict=True)) % 11]
    return None if value[17] == expected else "校验位不正确"


def _checked_id_number(value: str) -> str:
    problem = id_number_problem(value.upper())
    if problem:
        raise ValueError(problem)
    return value.upper()


# A resident ID number in a request body: 18 characters, a real birth date and check digit, upper case.
IdNumber = Annotated[str, Field(pattern=r"^\d{17}[\dXx]$"), AfterValidator(_checked_id_number)]


class TemplateField(Strict):
    """表单字段 — one field residents fill in for this item."""

    name: str
    label: str = Field(min_length=1, max_length=64)
    type: FieldType
    required: bool = False
    pattern: str | None = Field(None, max_length=256)
    max_length: int | None = Field(None, ge=1, le=10000)
    options: list[str] | None = None
    help: str = Field("", max_length=256)
    applicant: ApplicantAttribute | None = Field(
        None, description="申请人本人信息：由实名身份预填并锁定，提交时与实名身份核对")

    @field_validator("name")
    @classmethod
    def _name_is_identifier(cls, value: str) -> str:
        if not FIELD_NAME.match(value):
            raise ValueError("字段名须为小写字母开头的 a-z0-9_，不超过 48 位")
        return value

    @field_validator("pattern")
    @classmethod
    def _pattern_compiles(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as exc:
                raise ValueError(f"正则表达式无效: {exc}") from exc
        return value

    @model_validator(mode="after")
    def _options_fit_type(self) -> TemplateField:
        if self.type in _CHOICE_TYPES:
            if not self.options or len(set(self.options)) != len(self.options):
                raise ValueError("选择类字段须提供不重复的 options")
        elif self.options is not None:
            raise ValueError("只有 choice/multi_choice 字段可以有 options")
        if (self.pattern is not None or self.max_length is not None) and self.type not in _TEXT_TYPES:
            raise ValueError("pattern/max_length 只适用于 string/text 字段")
        if self.applicant is not None and self.type not in APPLICANT_TYPES[self.applicant]:
            raise ValueError(f"申请人{self.applicant.value}字段的类型须为 "
                             + "/".join(t.value for t in APPLICANT_TYPES[self.applicant]))
        return self


class DataTemplate(Strict):
    """数据模板 — the form schema of an item; field names are unique."""

    fields: list[TemplateField] = Field(default_factory=list, max_length=100)

    @model_validator(mode="after")
    def _unique_names(self) -> DataTemplate:
        names = [f.name for f in self.fields]
        if len(names) != len(set(names)):
            raise ValueError("字段名重复")
        bound = [f.applicant for f in self.fields if f.applicant is not None]
        if len(bound) != len(set(bound)):
            raise ValueError("同一项申请人信息只能由一个字段承载")
        return self

    def applicant_fields(self) -> dict[ApplicantAttribute, str]:
        """The form field holding each bound attribute of the applicant."""
        return {f.applicant: f.name for f in self.fields if f.applicant is not None}


class Guide(Strict):
    """The editable content of a guide; each change becomes a new GuideVersion."""

    conditions: str = Field("", max_length=4000)
    legal_basis: str = Field("", max_length=4000)
    fee_description: str = Field("", max_length=1000)
    materials: list[Material] = Field(default_factory=list, max_length=100)
    steps: list[Step] = Field(default_factory=list, max_length=20)
    data_template: DataTemplate = Field(default_factory=DataTemplate)
    result: Result | None = None


def _field_error(field: TemplateField, data: dict[str, Any]) -> str | None:
    """Why ``data[field.name]`` does not fit the field, or None when it does."""
    value = data.get(field.name)
    if value is None or value == "":
        return "必填" if field.required else None
    kind = field.type
    if kind in _TEXT_TYPES or kind in _BUILTIN_PATTERNS:
        if not isinstance(value, str):
            return "应为字符串"
        if field.max_length is not None and len(value) > field.max_length:
            return f"长度不能超过 {field.max_length}"
        pattern = _BUILTIN_PATTERNS.get(kind) or (re.compile(field.pattern) if field.pattern else None)
        if pattern is not None and not pattern.fullmatch(value):
            return "格式不正确"
        if kind == FieldType.ID_NUMBER:
            return id_number_problem(value)
    elif kind == FieldType.INTEGER and (isinstance(value, bool) or not isinstance(value, int)):
        return "应为整数"
    elif kind == FieldType.NUMBER and (isinstance(value, bool) or not isinstance(value, int | float)):
        return "应为数字"
    elif kind == FieldType.BOOLEAN and not isinstance(value, bool):
        return "应为 true/false"
    elif kind == FieldType.DATE:
        try:
            date.fromisoformat(value if isinstance(value, str) else "")
        except ValueError:
            return "应为 YYYY-MM-DD 日期"
    elif kind == FieldType.CHOICE and value not in (field.options or []):
        return "不在可选项中"
    elif kind == FieldType.MULTI_CHOICE and (
            not isinstance(value, list) or not set(value) <= set(field.options or [])):
        return "应为可选项组成的列表"
    return None


def form_data_problems(*, template: dict[str, Any], data: dict[str, Any]) -> list[dict[str, str]]:
    """Where form data does not fit an item's data template: ``{"field", "message"}`` each."""
    schema = DataTemplate.model_validate(template)
    known = {f.name for f in schema.fields}
    problems = [{"field": f.name, "message": message} for f in schema.fields
                if (message := _field_error(f, data)) is not None]
    return problems + [{"field": name, "message": "未知字段"} for name in data if name not in known]


def validate_form_data(*, template: dict[str, Any], data: dict[str, Any]) -> None:
    """Check submitted form data against an item's data template; raise FORM_DATA_INVALID."""
    problems = form_data_problems(template=template, data=data)
    if problems:
        raise ValidationFailed("表单数据不符合事项的数据模板", code="FORM_DATA_INVALID",
                               details={"fields": problems})
