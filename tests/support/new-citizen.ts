// Test harness: makes a citizen account of its own for an end-to-end test whose counts must not be shared with
// the other specs (the demo citizen receives notices from every spec that runs beside it). Prints the account's
// e-mail address; the password is the one given. Run with DATABASE_URL set:
// `tsx --conditions=react-server tests/support/new-citizen.ts <full name> <password>`.
import { randomInt } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";

async function main() {
  const [fullName = "Phạm Thu Hà", password = "CongDanMoi@2026"] = process.argv.slice(2);
  const suffix = `${Date.now()}${randomInt(1000)}`;
  const user = await db.user.create({
    data: {
      role: "CITIZEN",
      fullName,
      email: `congdan.${suffix}@dichvucong.example`,
      // A made-up personal identification number (12 digits, unique per run), never a real person's.
      cccd: `0790${suffix.slice(-8)}`,
      dateOfBirth: new Date("1992-05-14"),
      phone: "0909000111",
      passwordHash: await hashPassword(password),
    },
    select: { email: true },
  });
  console.log(user.email);
  await db.$disconnect();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
