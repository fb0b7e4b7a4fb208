// Prints the tracking PIN of dossiers, for an operator or the demo: `npx tsx scripts/tracking-pin.ts <mã hồ sơ>…`.
// The PIN is derived from the code with the server's secret (lib/dossiers/tracking-pin.ts): TRACKING_PIN_SECRET,
// else NEXTAUTH_SECRET, else the demo's session secret in .data/auth-secret (as `npm run demo` uses it).
import fs from "node:fs";
import path from "node:path";
import { trackingPin } from "@/lib/dossiers/tracking-pin";

const codes = process.argv.slice(2).map((c) => c.trim().toUpperCase());
if (codes.length === 0) {
  console.error("Cách dùng: npx tsx scripts/tracking-pin.ts <mã hồ sơ> [<mã hồ sơ>…]");
  process.exit(2);
}
const env = { ...process.env };
const demoSecret = path.join(process.cwd(), ".data", "auth-secret");
if (!env.TRACKING_PIN_SECRET && !env.NEXTAUTH_SECRET && fs.existsSync(demoSecret))
  env.NEXTAUTH_SECRET = fs.readFileSync(demoSecret, "utf8").trim();
for (const code of codes) console.log(`${code}  mã tra cứu ${trackingPin(code, env)}`);
