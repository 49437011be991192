"""一件事 — the definition of a bundle in the catalog file: its items as steps (parallel or
chained by ``after``), the shared data template asked once, which fields each department receives,
the parties who confirm it and what the applicant gets at the end.

Checked on its own here (names, order, every share within what is declared); sync checks what
needs the rest of the catalog (the items, their departments).
"""

from __future__ import annotations

from pydantic import Field, model_validator

from services.catalog.guide import APPLICANT_TYPES, ApplicantAttribute, DataTemplate, Strict, TemplateField

KEY = r"^[a-z][a-z0-9_]{0,31}$"
CODE = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"


class PartyIn(Strict):
    """One party who confirms the application with their own verified identity (买方, 卖方 …)."""

    role: str = Field(pattern=KEY)
    name: str = Field(min_length=1, max_length=32)
    # Left out of the definition when empty, so bundles without it keep their content hash.
    identity: dict[ApplicantAttribute, str] = Field(
        default_factory=dict, exclude_if=lambda fields: not fields,
        description="共享模板中承载该当事人本人信息的字段（如买方姓名），与其本人实名身份绑定；"
                    "第一个当事人（申请人）另含模板中标注 applicant 的字段")


class BundleStepIn(Strict):
    """One department's item in the bundle; it starts when every step in ``after`` is approved."""

    key: str = Field(pattern=KEY)
    item: str = Field(pattern=CODE, description="事项编码")
    after: list[str] = Field(default_factory=list, description="前序环节 key；空为一开始即办理")
    produces: list[TemplateField] = Field(
        default_factory=list, max_length=20,
        description="本环节决定时产生、向后续环节传递的数据（如网签备案号）")


class ShareIn(Strict):
    """The fields one department receives (共享数据): of the shared template, or produced before."""

    department: str = Field(pattern=CODE)
    fields: list[str] = Field(max_length=100)


class OutputIn(Strict):
    """One result the applicant gets (营业执照, 印章备案, 发票 …), from one step."""

    name: str = Field(min_length=1, max_length=64)
    step: str = Field(pattern=KEY)


class BundleIn(Strict):
    """A bundle in the catalog file (``bundles`` beside ``items``)."""

    code: str = Field(pattern=CODE)
    name: str = Field(min_length=1, max_length=128)
    description: str = Field("", max_length=2000)
    life_events: list[str] = Field(default_factory=list)
    parties: list[PartyIn] = Field(default_factory=lambda: [PartyIn(role="applicant", name="申请人")],
                                   min_length=1, max_length=4)
    template: DataTemplate
    steps: list[BundleStepIn] = Field(min_length=1, max_length=20)
    shares: list[ShareIn] = Field(min_length=1)
    outputs: list[OutputIn] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> BundleIn:
        problems = definition_problems(self)
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def identity_fields(self) -> dict[str, dict[ApplicantAttribute, str]]:
        """Each party role's fields holding that party's own identity: the first party's (the
        申请人) include those the template marks ``applicant``."""
        marked = self.template.applicant_fields()
        return {p.role: {**(marked if i == 0 else {}), **p.identity} for i, p in enumerate(self.parties)}

    def ancestors(self, key: str) -> set[str]:
        """Every step that must be approved before ``key`` starts."""
        by_key = {s.key: s for s in self.steps}
        found: set[str] = set()
        stack = list(by_key[key].after)
        while stack:
            current = stack.pop()
            if current not in found:
                found.add(current)
                stack.extend(by_key[current].after)
        return found


def definition_problems(bundle: BundleIn) -> list[str]:
    """What is wrong with a bundle on its own; empty when nothing is."""
    problems = []
    keys = [s.key for s in bundle.steps]
    if len(set(keys)) != len(keys):
        problems.append("环节 key 重复")
    roles = [p.role for p in bundle.parties]
    if len(set(roles)) != len(roles):
        problems.append("当事人角色重复")
    seen: set[str] = set()
    for step in bundle.steps:
        # Predecessors come first in the list, so the order has no cycle.
        late = [k for k in step.after if k not in seen]
        if late:
            problems.append(f"环节 {step.key} 的前序 {', '.join(late)} 须排在它之前")
        seen.add(step.key)
    if problems:
        return problems
    shared = {f.name for f in bundle.template.fields}
    problems += _identity_problems(bundle)
    produced = {f.name: s.key for s in bundle.steps for f in s.produces}
    clash = sorted(shared & set(produced))
    if clash:
        problems.append(f"环节产生的数据与共享模板重名: {', '.join(clash)}")
    departments = [s.department for s in bundle.shares]
    if len(set(departments)) != len(departments):
        problems.append("同一部门的共享字段须写在一处")
    for share in bundle.shares:
        undeclared = sorted(set(share.fields) - shared - set(produced))
        if undeclared:
            problems.append(f"部门 {share.department} 接收未声明的字段: {', '.join(undeclared)}")
    for output in bundle.outputs:
        if output.step not in seen:
            problems.append(f"办理结果 {output.name} 的环节 {output.step} 不存在")
    return problems


def _identity_problems(bundle: BundleIn) -> list[str]:
    """Each party's identity fields are template fields of a type that holds the attribute, and
    no field or attribute of the 申请人 is bound twice."""
    problems = []
    fields = {f.name: f for f in bundle.template.fields}
    marked = bundle.template.applicant_fields()
    bound = list(marked.values())
    for index, party in enumerate(bundle.parties):
        for attribute, name in party.identity.items():
            field = fields.get(name)
            if field is None:
                problems.append(f"当事人 {party.role} 的本人信息字段 {name} 不在共享模板中")
            elif field.type not in APPLICANT_TYPES[attribute]:
                problems.append(f"当事人 {party.role} 的本人信息字段 {name} 的类型不能承载 {attribute.value}")
            if index == 0 and attribute in marked:
                problems.append(f"申请人的 {attribute.value} 已由模板字段 {marked[attribute]} 标注")
            bound.append(name)
    twice = sorted({name for name in bound if bound.count(name) > 1})
    if twice:
        problems.append(f"本人信息字段只能属于一个当事人: {', '.join(twice)}")
    return problems


def share_problems(bundle: BundleIn, departments_of_steps: dict[str, str]) -> list[str]:
    """With each step's department known: every department of a step has a share, each share is
    one of the steps' departments, and a produced field reaches a department only when every
    step of that department comes after the producing step."""
    problems = []
    by_department = {s.department: s for s in bundle.shares}
    producer = {f.name: s.key for s in bundle.steps for f in s.produces}
    for department in sorted(set(departments_of_steps.values()) - set(by_department)):
        problems.append(f"部门 {department} 办理环节但未声明其接收的字段")
    for department in sorted(set(by_department) - set(departments_of_steps.values())):
        problems.append(f"部门 {department} 不办理任何环节，不能接收字段")
    for step_key, department in departments_of_steps.items():
        share = by_department.get(department)
        for name in share.fields if share else []:
            source = producer.get(name)
            if source is not None and source not in bundle.ancestors(step_key):
                problems.append(f"部门 {department} 的环节 {step_key} 在 {source} 之前或并行，不能接收其产生的 {name}")
    return problems


