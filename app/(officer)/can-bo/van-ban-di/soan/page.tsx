import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { ComposeForm } from "@/components/documents/ComposeForm";
import { listAgencies } from "@/lib/agencies/queries";
import { requirePermission } from "@/lib/auth/current-user";
import { DOCUMENT_TYPES, SECRECY, URGENCY } from "@/lib/documents/types";
import { sendAction } from "./actions";

export const metadata: Metadata = { title: "Soạn văn bản gửi cơ quan khác" };

export default async function ComposePage() {
  await requirePermission("document.send", "/can-bo/van-ban-di/soan");
  const agencies = await listAgencies();
  const option = (a: (typeof agencies)[number]) => ({ value: a.identifier, label: `${a.name} (${a.identifier})` });
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <p className="text-sm"><Link href="/can-bo/van-ban-di">← Sổ văn bản đi</Link></p>
      <h1 className="text-2xl font-bold">Soạn văn bản gửi cơ quan khác</h1>
      <div className="card">
        <ComposeForm
          action={sendAction}
          messageId={randomUUID()}
          types={DOCUMENT_TYPES.map((t) => ({ value: t.code, label: t.abbreviation ? `${t.name} (${t.abbreviation})` : t.name }))}
          urgencies={Object.entries(URGENCY).map(([value, label]) => ({ value, label }))}
          secrecies={Object.entries(SECRECY).map(([value, label]) => ({ value, label }))}
          agencies={[
            { group: "Bộ, ngành trung ương", options: agencies.filter((a) => a.kind !== "PROVINCE").map(option) },
            { group: "Tỉnh, thành phố", options: agencies.filter((a) => a.kind === "PROVINCE").sort((a, b) => a.shortName.localeCompare(b.shortName, "vi")).map(option) },
          ]}
        />
      </div>
    </div>
  );
}
