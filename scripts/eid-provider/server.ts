// A local identity provider playing the national e-ID (VNeID) for the demo and the tests: OpenID Connect
// on the maintained `oidc-provider` package, authorization code with PKCE, its own Vietnamese pages where
// the visitor picks one of a few made-up people (identities.ts) and a level (LoA1 / LoA2), then consents.
// It is not VNeID and knows nothing real: see docs/eid.md.
//
//   npx tsx scripts/eid-provider/server.ts [--port 4400] [--test]
//
// Settings (environment): EID_CLIENT_ID, EID_CLIENT_SECRET, EID_REDIRECT_URI (the portal's
// /api/auth/callback/eid), EID_PORT. Signing keys are made at start (each run has new ones; the portal
// reads them from the published JWKS).
//
// `--test` adds one knob for the portal's tests, nowhere else: POST /__test/forge {"mode", "subject"} makes
// the NEXT ID token (for that subject, if given) bad in one way: signed by another key, another issuer,
// another audience or another nonce. The portal must refuse each.
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import Provider from "oidc-provider";
import { DEMO_ACR, DEMO_IDENTITIES, type DemoIdentity } from "./identities";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const testMode = process.argv.includes("--test");
const port = Number(arg("port") ?? process.env.EID_PORT ?? 4400);
const issuer = `http://localhost:${port}`;
const clientId = process.env.EID_CLIENT_ID || "cong-dich-vu-cong-demo";
const clientSecret = process.env.EID_CLIENT_SECRET || "demo-secret-khong-dung-that";
const redirectUri = process.env.EID_REDIRECT_URI || "http://localhost:3000/api/auth/callback/eid";

const FORGE_MODES = ["signature", "issuer", "audience", "nonce"] as const;
type ForgeMode = (typeof FORGE_MODES)[number];
let forge: { mode: ForgeMode; subject?: string } | null = null;

function newKey(): { privateKey: KeyObject; kid: string } {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { privateKey, kid: randomBytes(8).toString("hex") };
}
const signing = newKey();
const other = newKey();

const identityBySub = new Map(DEMO_IDENTITIES.map((p) => [p.sub, p]));

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      client_name: "Cổng Dịch vụ công Quốc gia",
      redirect_uris: [redirectUri],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  jwks: { keys: [{ ...signing.privateKey.export({ format: "jwk" }), kid: signing.kid, use: "sig", alg: "RS256" }] },
  cookies: { keys: [randomBytes(32).toString("base64url")] },
  pkce: { required: () => true },
  acrValues: Object.keys(DEMO_ACR),
  scopes: ["openid", "profile", "address", "phone", "identity_number"],
  claims: {
    openid: ["sub"],
    profile: ["name", "birthdate"],
    address: ["address"],
    phone: ["phone_number"],
    identity_number: ["personal_identification_number"],
  },
  // The portal reads the person from the ID token alone (no userinfo call).
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx: unknown, id: string) {
    const p = identityBySub.get(id);
    if (!p) return undefined;
    return {
      accountId: id,
      async claims() {
        return {
          sub: p.sub,
          name: p.name,
          birthdate: p.birthdate,
          address: { formatted: p.address, country: "VN" },
          phone_number: p.phone,
          personal_identification_number: p.pid,
        };
      },
    };
  },
  async renderError(ctx: { type: string; body: string }, out: { error: string; error_description?: string }) {
    ctx.type = "html";
    ctx.body = page(
      "Lỗi định danh điện tử (demo)",
      `<h1>Không thực hiện được yêu cầu</h1><p role="alert">${esc(out.error)}${out.error_description ? `: ${esc(out.error_description)}` : ""}</p>`,
    );
  },
});

// The test knob: re-sign the token endpoint's ID token, badly, once.
provider.use(async (ctx, next) => {
  await next();
  if (!forge || ctx.path !== "/token" || ctx.method !== "POST" || ctx.status !== 200) return;
  const body = ctx.body as { id_token?: string } | undefined;
  if (!body?.id_token) return;
  const [h, p] = body.id_token.split(".");
  const payload = JSON.parse(Buffer.from(p!, "base64url").toString("utf8")) as Record<string, unknown>;
  if (forge.subject && payload.sub !== forge.subject) return;
  let key = signing.privateKey;
  if (forge.mode === "signature") key = other.privateKey;
  if (forge.mode === "issuer") payload.iss = "http://localhost:1/gia-mao";
  if (forge.mode === "audience") payload.aud = "ung-dung-khac";
  if (forge.mode === "nonce") payload.nonce = randomBytes(16).toString("base64url");
  const input = `${h}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}`;
  const sig = sign("sha256", Buffer.from(input), key).toString("base64url");
  ctx.body = { ...body, id_token: `${input}.${sig}` };
  console.log(`[eid-provider] ID token forged (${forge.mode}) for ${String(payload.sub)}`);
  forge = null;
});

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1a1a1a;background:#f4f6f8;line-height:1.5}
header{background:#8b1a1a;color:#fff;padding:.75rem 1rem}
header p{margin:0;font-weight:600}
main{max-width:44rem;margin:1.5rem auto;background:#fff;padding:1.5rem;border:1px solid #c5ccd3;border-radius:6px}
h1{font-size:1.5rem;margin-top:0}
.demo{border:2px solid #8a5a00;background:#fff8e1;color:#3d2a00;padding:.75rem;border-radius:4px}
fieldset{border:1px solid #7a8591;border-radius:4px;margin:1rem 0;padding:.75rem}
legend{font-weight:700;padding:0 .25rem}
.choice{display:flex;gap:.6rem;align-items:flex-start;padding:.4rem 0}
.choice input{margin-top:.35rem;width:1.1rem;height:1.1rem}
.muted{color:#3b4450}
.error{border:2px solid #b00020;background:#fdecee;color:#6b0010;padding:.75rem;border-radius:4px}
button{font:inherit;padding:.55rem 1.1rem;border-radius:4px;border:2px solid #0b4f8a;cursor:pointer;margin-right:.5rem}
.primary{background:#0b4f8a;color:#fff}
.secondary{background:#fff;color:#0b4f8a}
:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}
ul{padding-left:1.25rem}
`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head><body>
<header><p>Định danh điện tử — nhà cung cấp mô phỏng (DEMO)</p></header>
<main>${body}</main></body></html>`;
}

const DEMO_NOTE = `<p class="demo"><strong>Môi trường trình diễn.</strong> Đây không phải VNeID. Các danh tính dưới đây là giả định, không phải người thật.</p>`;

function loginPage(uid: string, asked: string | undefined, chosen?: { sub?: string; acr?: string }, error?: string): string {
  const level = chosen?.acr ?? (asked?.split(" ").includes("LoA2") ? "LoA2" : "LoA1");
  const people = DEMO_IDENTITIES.map(
    (p: DemoIdentity, i) => `<div class="choice"><input type="radio" name="sub" id="nguoi-${i}" value="${esc(p.sub)}"${
      chosen?.sub === p.sub ? " checked" : ""
    }${error ? ' aria-describedby="loi"' : ""}>
<label for="nguoi-${i}"><strong>${esc(p.name)}</strong><br><span class="muted">Ngày sinh ${esc(p.birthdate.split("-").reverse().join("/"))} · Số định danh ${esc(
      p.pid,
    )}<br>${esc(p.address)} · Điện thoại ${esc(p.phone)}</span></label></div>`,
  ).join("");
  const levels = (Object.entries(DEMO_ACR) as [string, string][])
    .map(
      ([v, name]) =>
        `<div class="choice"><input type="radio" name="acr" id="muc-${v}" value="${v}"${level === v ? " checked" : ""}><label for="muc-${v}">${esc(
          name,
        )} (${v})${v === "LoA2" ? " — xác thực bằng thiết bị và yếu tố sinh trắc (mô phỏng)" : " — tài khoản định danh mức 1"}</label></div>`,
    )
    .join("");
  return page(
    "Đăng nhập định danh điện tử (demo)",
    `<h1>Đăng nhập bằng tài khoản định danh điện tử</h1>${DEMO_NOTE}
${error ? `<p class="error" id="loi" role="alert">${esc(error)}</p>` : ""}
<form method="post" action="/interaction/${esc(uid)}/login">
<fieldset><legend>Chọn danh tính</legend>${people}</fieldset>
<fieldset><legend>Mức định danh</legend>${asked ? `<p class="muted">Cổng dịch vụ công yêu cầu: ${esc(asked)}</p>` : ""}${levels}</fieldset>
<button type="submit" class="primary">Đăng nhập</button>
<button type="submit" class="secondary" formaction="/interaction/${esc(uid)}/abort">Hủy</button>
</form>`,
  );
}

const CLAIM_NAMES: Record<string, string> = {
  profile: "Họ và tên, ngày sinh",
  identity_number: "Số định danh cá nhân",
  address: "Địa chỉ nơi cư trú",
  phone: "Số điện thoại",
};

function consentPage(uid: string, scope: string, who: DemoIdentity | undefined): string {
  const items = scope
    .split(" ")
    .map((s) => CLAIM_NAMES[s])
    .filter(Boolean)
    .map((n) => `<li>${esc(n!)}</li>`)
    .join("");
  return page(
    "Chia sẻ thông tin (demo)",
    `<h1>Chia sẻ thông tin với Cổng Dịch vụ công Quốc gia</h1>${DEMO_NOTE}
${who ? `<p>Bạn đăng nhập với danh tính <strong>${esc(who.name)}</strong>.</p>` : ""}
<p>Cổng Dịch vụ công Quốc gia đề nghị nhận các thông tin sau:</p><ul>${items}</ul>
<form method="post" action="/interaction/${esc(uid)}/confirm">
<button type="submit" class="primary">Đồng ý chia sẻ</button>
<button type="submit" class="secondary" formaction="/interaction/${esc(uid)}/abort">Từ chối</button>
</form>`,
  );
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let raw = "";
  for await (const chunk of req) {
    raw += chunk;
    if (raw.length > 10_000) break;
  }
  return new URLSearchParams(raw);
}

function send(res: ServerResponse, status: number, body: string, type = "text/html; charset=utf-8"): void {
  res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", "X-Frame-Options": "DENY" });
  res.end(body);
}

async function interaction(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const [, , uid, action] = path.split("/");
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return send(res, 400, page("Lỗi", "<h1>Phiên đăng nhập không hợp lệ</h1>"));
  if (req.method === "GET") {
    if (details.prompt.name === "login") return send(res, 200, loginPage(details.uid, details.params.acr_values));
    const who = details.session?.accountId ? identityBySub.get(details.session.accountId) : undefined;
    return send(res, 200, consentPage(details.uid, details.params.scope ?? "openid", who));
  }
  if (req.method !== "POST") return send(res, 405, "");
  if (action === "abort") {
    return provider.interactionFinished(
      req,
      res,
      { error: "access_denied", error_description: "Người dùng đã hủy" },
      { mergeWithLastSubmission: false },
    );
  }
  if (action === "login") {
    const form = await readForm(req);
    const sub = form.get("sub") ?? undefined;
    const acr = form.get("acr") ?? undefined;
    const person = sub ? identityBySub.get(sub) : undefined;
    if (!person || !acr || !(acr in DEMO_ACR)) {
      return send(
        res,
        400,
        loginPage(details.uid, details.params.acr_values, { sub, acr }, "Hãy chọn một danh tính và một mức định danh."),
      );
    }
    return provider.interactionFinished(
      req,
      res,
      { login: { accountId: person.sub, acr, amr: acr === "LoA2" ? ["pwd", "bio"] : ["pwd"] } },
      { mergeWithLastSubmission: false },
    );
  }
  if (action === "confirm") {
    const accountId = details.session?.accountId;
    const clientIdAsked = details.params.client_id;
    if (!accountId || !clientIdAsked) return send(res, 400, page("Lỗi", "<h1>Phiên đăng nhập không hợp lệ</h1>"));
    const grant =
      (details.grantId && (await provider.Grant.find(details.grantId))) || new provider.Grant({ accountId, clientId: clientIdAsked });
    const d = details.prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    if (d.missingOIDCScope) grant.addOIDCScope(d.missingOIDCScope.join(" "));
    if (d.missingOIDCClaims) grant.addOIDCClaims(d.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(d.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(" "));
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }
  send(res, 404, page("Không tìm thấy", "<h1>Không tìm thấy</h1>"));
}

const oidc = provider.callback();

const server = http.createServer((req, res) => {
  const path = new URL(req.url ?? "/", issuer).pathname;
  if (path.startsWith("/interaction/")) {
    interaction(req, res, path).catch((err: unknown) => {
      console.error("[eid-provider]", err);
      if (!res.headersSent) send(res, 400, page("Lỗi", "<h1>Phiên đăng nhập đã hết hạn hoặc không hợp lệ</h1>"));
    });
    return;
  }
  if (testMode && path === "/__test/forge" && req.method === "POST") {
    void (async () => {
      let raw = "";
      for await (const chunk of req) raw += chunk;
      const body = JSON.parse(raw || "{}") as { mode?: string; subject?: string };
      if (!FORGE_MODES.includes(body.mode as ForgeMode)) return send(res, 400, "mode?", "text/plain");
      forge = { mode: body.mode as ForgeMode, subject: body.subject };
      send(res, 204, "", "text/plain");
    })();
    return;
  }
  oidc(req, res);
});

server.listen(port, () => {
  console.log(`[eid-provider] Định danh điện tử (demo) tại ${issuer}${testMode ? " — chế độ kiểm thử" : ""}`);
});

const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
