// A resident's journey through the typed client, run by CI against a live development server
// (`python -m app run`, emulators on): mini-program login, real-name binding through Beijing
// Pass, catalog, availability, booking, a pre-review application with an upload, its progress.
// Every call goes through the generated types: a field the server renames fails `tsc --strict`.
import createClient from "openapi-fetch";
import type { components, paths } from "./schema";

type Schemas = components["schemas"];

const API = process.env.HDT_API_URL ?? "http://127.0.0.1:8000";
const WECHAT = process.env.HDT_WECHAT_EMULATOR_URL ?? "http://127.0.0.1:9001";
const BJPASS = process.env.HDT_BJPASS_EMULATOR_URL ?? "http://127.0.0.1:9002";
// The demo hall manager (services/demo.py) opens the sessions residents book.
const MANAGER = { username: "manager", password: "manager-demo-pass" };
const HALL_CODE = "HD-CENTER";

const api = createClient<paths>({ baseUrl: API });

function expectData<T>(step: string, result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data === undefined) {
    throw new Error(`${step}: HTTP ${result.response.status} ${JSON.stringify(result.error)}`);
  }
  console.log(`ok  ${step}`);
  return result.data;
}

function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}

async function emulator<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** One browser step without following the redirect: where it points, and the cookies it set. */
async function redirected(url: string, init: RequestInit = {}): Promise<{ location: string; cookies: string }> {
  const response = await fetch(url, { ...init, redirect: "manual" });
  const location = response.headers.get("location");
  if (response.status < 300 || response.status >= 400 || location === null) {
    throw new Error(`${url}: expected a redirect, got HTTP ${response.status} ${await response.text()}`);
  }
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
  return { location: new URL(location, url).toString(), cookies };
}

async function miniProgramLogin(): Promise<string> {
  const user = `journey-${Date.now()}`;
  const minted = await emulator<{ code: string }>(`${WECHAT}/_emulator/miniprogram/login-code`, { user });
  const tokens = expectData("mini-program login", await api.POST("/api/v1/auth/wechat/miniprogram", {
    body: { code: minted.code },
  }));
  return tokens.access_token;
}

/** Real-name binding as the H5 page does it: a link ticket, the Beijing Pass consent, confirm. */
async function bindBeijingPass(token: string): Promise<void> {
  const person = await emulator<{ key: string }>(`${BJPASS}/_emulator/identities`, {
    key: `journey-${Date.now()}`, name: "钱七", level: 2,
    id_number: idNumber(Date.now()),
  });
  const ticket = expectData("link ticket", await api.POST("/api/v1/auth/link-tickets", {
    headers: bearer(token),
  }));
  const authorize = new URL("/api/v1/auth/beijing-pass/authorize", API);
  authorize.search = new URLSearchParams({ return_url: "/h5/me", link_ticket: ticket.link_ticket }).toString();
  const atProvider = await redirected(authorize.toString());
  const consentPage = new URL(atProvider.location);
  const form = new URLSearchParams(consentPage.searchParams);
  form.set("identity", person.key);
  consentPage.search = "";
  const back = await redirected(consentPage.toString(), { method: "POST", body: form });
  const finished = await redirected(back.location, { headers: { cookie: atProvider.cookies } });
  const linkToken = new URL(finished.location).searchParams.get("link_token");
  if (linkToken === null) throw new Error(`no link_token in ${finished.location}`);
  const identity = expectData("confirm Beijing Pass binding", await api.POST("/api/v1/auth/link-confirmations", {
    headers: bearer(token), body: { link_token: linkToken },
  }));
  console.log(`    bound ${identity.provider} ${identity.subject_masked}`);
}

async function findItem(): Promise<{ item: Schemas["ItemDetail"]; hall: Schemas["HallBrief"] }> {
  const page = expectData("catalog", await api.GET("/api/v1/catalog/items", {
    params: { query: { mode: "online_prereview", limit: 100 } },
  }));
  for (const summary of page.items) {
    if (!summary.modes.includes("appointment") || summary.appointment_group === null) continue;
    const item = expectData(`item ${summary.code}`, await api.GET("/api/v1/catalog/items/{item_id}", {
      params: { path: { item_id: summary.id } },
    }));
    const hall = item.halls.find((h) => h.code === HALL_CODE);
    if (hall !== undefined) return { item, hall };
  }
  throw new Error(`no item both bookable at ${HALL_CODE} and open to online pre-review`);
}

function isoDay(offsetDays: number): string {
  const day = new Date(Date.now() + offsetDays * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/** The hall manager opens sessions for the item's group when the demo has none yet. */
async function openSessions(hallId: string, group: string): Promise<void> {
  const manager = expectData("hall manager login", await api.POST("/api/v1/auth/staff/login", { body: MANAGER }));
  const headers = bearer(manager.access_token);
  const templates = expectData("slot templates", await api.GET("/api/v1/halls/{hall_id}/slot-templates", {
    params: { path: { hall_id: hallId } }, headers,
  }));
  for (let weekday = 1; weekday <= 7; weekday++) {
    if (templates.items.some((t) => t.appointment_group === group && t.weekday === weekday)) continue;
    expectData(`slot template weekday ${weekday}`, await api.POST("/api/v1/halls/{hall_id}/slot-templates", {
      params: { path: { hall_id: hallId } }, headers,
      body: { appointment_group: group, weekday, start: "09:00", end: "17:00", capacity: 50 },
    }));
  }
  expectData("materialize slots", await api.POST("/api/v1/halls/{hall_id}/slots/materialize", {
    params: { path: { hall_id: hallId } }, headers,
  }));
}

/** A resident identity card number with its GB 11643 check digit. */
function idNumber(serial: number): string {
  const body = `11010819900101${String(serial % 1000).padStart(3, "0")}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return body + "10X98765432"[sum % 11];
}

function formValue(field: Schemas["TemplateField"]): unknown {
  switch (field.type) {
    case "integer": case "number": return 1;
    case "boolean": return true;
    case "date": return isoDay(0);
    case "choice": return field.options?.[0] ?? "";
    case "multi_choice": return field.options?.slice(0, 1) ?? [];
    case "id_number": return idNumber(7);
    case "phone": return "13800138000";
    default: return "测试";
  }
}

// The smallest file the upload accepts as a PDF (its type is recognised from the content).
const PDF = new TextEncoder().encode(`%PDF-1.4\n1 0 obj<<>>endobj\n${"0".repeat(2048)}\n%%EOF\n`);

async function main(): Promise<void> {
  const token = await miniProgramLogin();
  const headers = bearer(token);
  await bindBeijingPass(token);
  const realName = expectData("real name", await api.GET("/api/v1/me/real-name", { headers }));
  console.log(`    real-name level ${realName.realname_level}`);

  const { item, hall } = await findItem();
  await openSessions(hall.id, item.appointment_group ?? "");
  const availability = expectData("availability", await api.GET("/api/v1/appointments/availability", {
    params: { query: { hall_id: hall.id, item_id: item.id, day_from: isoDay(0), day_to: isoDay(13) } },
  }));
  const slot = availability.items.find((s) => s.remaining > 0);
  if (slot === undefined) throw new Error("no bookable slot in the next two weeks");
  const booked = expectData("book", await api.POST("/api/v1/appointments", {
    params: { header: { "Idempotency-Key": `journey-${Date.now()}` } }, headers,
    body: { item_id: item.id, slot_id: slot.id },
  }));
  console.log(`    booked ${booked.day} ${booked.starts_at}, status ${booked.status}`);

  const formData: Record<string, unknown> = {};
  for (const field of item.guide.data_template.fields ?? []) {
    // The applicant's own fields are filled by the server from the verified identity.
    if (field.applicant == null) formData[field.name] = formValue(field);
  }
  const draft = expectData("pre-review draft", await api.POST("/api/v1/applications", {
    headers, body: { item_id: item.id, form_data: formData },
  }));
  for (const [index, material] of item.guide.materials.entries()) {
    if (material.required === false) continue;
    const uploaded = expectData(`upload material ${index}`, await api.PUT(
      "/api/v1/applications/{application_id}/materials/{material_index}", {
        params: { path: { application_id: draft.id, material_index: index }, query: { filename: "id.pdf" } },
        headers: { ...headers, "content-type": "application/pdf" },
        body: PDF as unknown as string,
        bodySerializer: (body: unknown) => body as BodyInit,
      }));
    console.log(`    ${uploaded.material_name}: ${uploaded.size} bytes, ${uploaded.status}`);
  }
  const submitted = expectData("submit", await api.POST("/api/v1/applications/{application_id}/submit", {
    params: { path: { application_id: draft.id } }, headers,
  }));
  const progress = expectData("progress", await api.GET("/api/v1/applications/{application_id}/progress", {
    params: { path: { application_id: submitted.id } }, headers,
  }));
  console.log(`    ${progress.state}: ${progress.stages.map((s) => `${s.key}=${s.status}`).join(", ")}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
