import type { Metadata } from "next";
import { trackDossier } from "@/lib/dossiers/citizen";
import { statusName } from "@/lib/dossiers/status";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Tra cứu hồ sơ" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Anyone with the code sees where a dossier stands; nothing about the applicant is shown. */
export default async function TrackPage({ searchParams }: Props) {
  const raw = (await searchParams).ma;
  const code = (typeof raw === "string" ? raw : "").trim().slice(0, 40);
  const d = code ? await trackDossier(code) : null;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">Tra cứu hồ sơ</h1>
      <form method="get" action="/tra-cuu-ho-so" className="flex flex-col gap-2 sm:flex-row" role="search">
        <label htmlFor="ma" className="sr-only">
          Mã hồ sơ
        </label>
        <input
          id="ma"
          name="ma"
          className="input flex-1"
          defaultValue={code}
          placeholder="Ví dụ: 000.00.00.H29-261127-0001"
          maxLength={40}
        />
        <button type="submit" className="btn btn-primary">
          Tra cứu
        </button>
      </form>
      {code && !d && (
        <p className="card" role="status">
          Không tìm thấy hồ sơ có mã “{code}”. Vui lòng kiểm tra lại mã trên giấy tiếp nhận.
        </p>
      )}
      {d && (
        <dl className="card grid gap-1 sm:grid-cols-[14rem_1fr]" aria-label="Kết quả tra cứu">
          <dt className="text-slate-700">Mã hồ sơ</dt>
          <dd>{d.code}</dd>
          <dt className="text-slate-700">Thủ tục</dt>
          <dd>{d.service.name}</dd>
          <dt className="text-slate-700">Cơ quan tiếp nhận</dt>
          <dd>{d.receivingAgency.name}</dd>
          <dt className="text-slate-700">Cơ quan đang giải quyết</dt>
          <dd>{d.holderAgency.name}</dd>
          <dt className="text-slate-700">Trạng thái</dt>
          <dd data-testid="trang-thai">
            <strong>{statusName(d.status)}</strong>
          </dd>
          <dt className="text-slate-700">Ngày nộp</dt>
          <dd>{formatDate(d.submittedAt)}</dd>
          <dt className="text-slate-700">Ngày hẹn trả kết quả</dt>
          <dd>{d.dueAt ? formatDate(d.dueAt) : "—"}</dd>
          {d.returnedAt && (
            <>
              <dt className="text-slate-700">Ngày trả kết quả</dt>
              <dd>{formatDate(d.returnedAt)}</dd>
            </>
          )}
        </dl>
      )}
    </div>
  );
}
