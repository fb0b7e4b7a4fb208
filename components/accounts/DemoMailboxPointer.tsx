import Link from "next/link";
import { accountText } from "@/lib/i18n/vi/accounts";

const t = accountText.demoMailbox;

/** In the demo only (its page decides): where the e-mails that were not really sent can be read. */
export function DemoMailboxPointer() {
  return (
    <p className="rounded border border-amber-700 bg-amber-50 p-3 text-amber-950">
      {t.pointer} <Link href="/hop-thu-demo">{t.title}</Link>.
    </p>
  );
}
