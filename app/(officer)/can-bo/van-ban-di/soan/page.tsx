import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { randomUUID } from "node:crypto";
import { ComposeForm } from "@/components/documents/ComposeForm";
import { listAgencies } from "@/lib/agencies/queries";
import { requirePermission } from "@/lib/auth/current-user";
import { answerStart, revisionStart } from "@/lib/documents/revisions";
import { DOCUMENT_TYPES, SECRECY, URGENCY } from "@/lib/documents/types";
import { sendAction } from "./actions";

export const metadata: Metadata = { title: "Soạn văn bản gửi cơ quan khác" };

type SP = Record<string, string | string[] | undefined>;

export default async function ComposePage({ searchParams }: { searchParams: Promise<SP> }) {
  const user = await requirePermission("document.send", "/can-bo/van-ban-di/soan");
  const sp = await searchParams;
  const kind = sp.kieu === "2" ? 2 : sp.kieu === "3" ? 3 : null;
  const original = typeof sp["thay-the"] === "string" && kind ? sp["thay-the"] : null;
  const answered = typeof sp["tra-loi"] === "string" ? sp["tra-loi"] : null;
  // An update for one copy (from the sent register's recipient row): only that recipient is preselected.
  const onlyRecipient = typeof sp["noi-nhan"] === "string" && kind === 2 ? sp["noi-nhan"] : undefined;
  const [agencies, initial] = await Promise.all([
    listAgencies(),
    original && kind ? revisionStart(user, original, kind, onlyRecipient) : answered ? answerStart(user, answered) : null,
  ]);
  if ((original || answered) && !initial) notFound();
  const title = original
    ? `${kind === 2 ? "Cập nhật" : "Thay thế"} văn bản ${original}`
    : answered
      ? `Trả lời văn bản ${answered}`
      : "Soạn văn bản gửi cơ quan khác";
  const option = (a: (typeof agencies)[number]) => ({ value: a.identifier, label: `${a.name} (${a.identifier})` });
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <p className="text-sm">
        <Link href="/can-bo/van-ban-di">← Sổ văn bản đi</Link>
      </p>
      <h1 className="text-2xl font-bold break-words">{title}</h1>
      {original && initial && (
        <p className="card">
          {kind === 2
            ? "Văn bản cập nhật được gửi tới các nơi nhận kèm thông tin văn bản gốc (nghiệp vụ edXML loại 2); nơi nhận thấy rõ đây là bản cập nhật."
            : "Văn bản thay thế được gửi tới các nơi nhận kèm thông tin văn bản bị thay thế (nghiệp vụ edXML loại 3); nơi nhận thấy văn bản cũ đã được thay thế."}
        </p>
      )}
      <div className="card">
        <ComposeForm
          action={sendAction}
          messageId={randomUUID()}
          types={DOCUMENT_TYPES.map((t) => ({ value: t.code, label: t.abbreviation ? `${t.name} (${t.abbreviation})` : t.name }))}
          urgencies={Object.entries(URGENCY).map(([value, label]) => ({ value, label }))}
          secrecies={Object.entries(SECRECY).map(([value, label]) => ({ value, label }))}
          agencies={[
            { group: "Bộ, ngành trung ương", options: agencies.filter((a) => a.kind !== "PROVINCE").map(option) },
            {
              group: "Tỉnh, thành phố",
              options: agencies
                .filter((a) => a.kind === "PROVINCE")
                .sort((a, b) => a.shortName.localeCompare(b.shortName, "vi"))
                .map(option),
            },
          ]}
          initial={initial ?? undefined}
        />
      </div>
    </div>
  );
}
