// What a register entry says besides its metadata: the document it updates or replaces, the later documents
// that update or replace it, and its attachments with their sha256 (downloadable by either side).
import { formatBytes } from "@/lib/format";

interface Revision {
  documentKey: string;
  notation: string;
  businessType: number;
}

export function DocumentExtras({
  replaces,
  businessType,
  attachments,
  revisions,
  responseForKey = null,
  answers = [],
}: {
  replaces: { documentKey: string; notation: string } | null;
  businessType: number;
  attachments: { id: string; name: string; size: number; sha256: string }[];
  revisions: Revision[];
  /** The document this one answers. */
  responseForKey?: string | null;
  /** The agency's own answers to this document. */
  answers?: { documentKey: string; notation: string }[];
}) {
  return (
    <>
      {responseForKey && <p className="text-sm text-slate-700">Trả lời văn bản {responseForKey}</p>}
      {answers.map((a) => (
        <p key={a.documentKey} className="text-sm text-green-900" data-testid="da-tra-loi">
          Đã trả lời bằng văn bản {a.notation} ({a.documentKey})
        </p>
      ))}
      {replaces && (
        <p className="rounded border border-amber-700 bg-amber-50 p-2 text-sm text-amber-950" data-testid="van-ban-goc">
          {businessType === 2 ? "Văn bản cập nhật cho" : "Văn bản thay thế cho"} văn bản {replaces.notation} ({replaces.documentKey})
        </p>
      )}
      {revisions.map((r) => (
        <p key={r.documentKey} className="rounded border border-amber-700 bg-amber-50 p-2 text-sm text-amber-950" data-testid="da-thay-the">
          {r.businessType === 2 ? "Đã có văn bản cập nhật" : "Đã được thay thế bởi"} văn bản {r.notation} ({r.documentKey})
        </p>
      ))}
      {attachments.length > 0 && (
        <ul className="space-y-0.5 text-sm" aria-label="Tệp đính kèm">
          {attachments.map((a) => (
            <li key={a.id}>
              <a href={`/can-bo/van-ban/tep/${a.id}`}>{a.name}</a> · {formatBytes(a.size)} ·{" "}
              <span className="break-all text-slate-700">SHA-256 {a.sha256}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
