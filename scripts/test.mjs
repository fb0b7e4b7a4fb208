// `npm test`: every stage in turn, each timed, stopping at the first that fails. The stages are the same
// in CI and on a laptop; a stage's own command can be run alone (see package.json).
import { spawnSync } from "node:child_process";

const stages = [
  ["lint", "npm", ["run", "--silent", "lint"]],
  ["typecheck", "npx", ["tsc", "--noEmit"]],
  ["vitest", "npx", ["vitest", "run"]],
  ["build", "npx", ["next", "build"]],
  ["e2e", "npx", ["playwright", "test"]],
];

const only = process.argv.slice(2);
const times = [];
const started = Date.now();
const fmt = (ms) => `${Math.floor(ms / 60000)}m${String(Math.round((ms % 60000) / 1000)).padStart(2, "0")}s`;
for (const [name, cmd, args] of stages) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n== ${name}: ${cmd} ${args.join(" ")}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  const ms = Date.now() - t0;
  times.push([name, ms, r.status === 0]);
  console.log(`== ${name}: ${r.status === 0 ? "passed" : "FAILED"} in ${fmt(ms)}`);
  if (r.status !== 0) break;
}
console.log("\nStage times:");
for (const [name, ms, ok] of times) console.log(`  ${name.padEnd(10)} ${fmt(ms).padStart(7)}  ${ok ? "ok" : "FAILED"}`);
console.log(`  ${"total".padEnd(10)} ${fmt(Date.now() - started).padStart(7)}`);
process.exit(times.every(([, , ok]) => ok) && times.length ? 0 : 1);
