// The filters of a document register (sent or incoming): text, dates, type, urgency, status and the other
// agency. A plain GET form: the filtered register has an address that can be bookmarked or shared.
import Link from "next/link";
import type { RegisterFilters } from "@/lib/documents/registers";
import { DOCUMENT_TYPES, QCVN_STATUS, URGENCY } from "@/lib/documents/types";

export function RegisterFilterForm({
  filters,
  agencies,
  agencyLabel,
  dateLabel,
  path,
}: {
  filters: RegisterFilters;
  agencies: { identifier: string; name: string }[];
  /** "Nơi gửi" or "Nơi nhận". */
  agencyLabel: string;
  /** "Ngày đến" or "Ngày gửi". */
  dateLabel: string;
  path: string;
}) {
  const any = Object.keys(filters).length > 0;
  return (
    <form method="get" role="search" aria-label="Lọc sổ văn bản" className="card grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <div className="space-y-1 sm:col-span-2">
        <label htmlFor="q" className="block text-sm font-medium">
          Số, ký hiệu hoặc trích yếu
        </label>
        <input id="q" name="q" className="input" defaultValue={filters.q} />
      </div>
      <div className="space-y-1">
        <label htmlFor="tu-ngay" className="block text-sm font-medium">
          {dateLabel} từ
        </label>
        <input id="tu-ngay" name="tu-ngay" type="date" className="input" defaultValue={filters.from} />
      </div>
      <div className="space-y-1">
        <label htmlFor="den-ngay" className="block text-sm font-medium">
          {dateLabel} đến
        </label>
        <input id="den-ngay" name="den-ngay" type="date" className="input" defaultValue={filters.to} />
      </div>
      <div className="space-y-1">
        <label htmlFor="loai" className="block text-sm font-medium">
          Loại văn bản
        </label>
        <select id="loai" name="loai" className="input" defaultValue={filters.typeCode ?? ""}>
          <option value="">Tất cả</option>
          <option value="CV">Công văn</option>
          {DOCUMENT_TYPES.filter((t) => t.code !== "CV").map((t) => (
            <option key={t.code} value={t.code}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="do-khan" className="block text-sm font-medium">
          Độ khẩn
        </label>
        <select id="do-khan" name="do-khan" className="input" defaultValue={filters.priority != null ? String(filters.priority) : ""}>
          <option value="">Tất cả</option>
          {Object.entries(URGENCY).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="trang-thai" className="block text-sm font-medium">
          Trạng thái
        </label>
        <select id="trang-thai" name="trang-thai" className="input" defaultValue={filters.status ?? ""}>
          <option value="">Tất cả</option>
          {Object.entries(QCVN_STATUS).map(([v, l]) => (
            <option key={v} value={v}>
              {v} – {l}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="co-quan" className="block text-sm font-medium">
          {agencyLabel}
        </label>
        <select id="co-quan" name="co-quan" className="input" defaultValue={filters.agency ?? ""}>
          <option value="">Tất cả</option>
          {agencies.map((a) => (
            <option key={a.identifier} value={a.identifier}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <p className="flex items-end gap-3 sm:col-span-2 lg:col-span-4">
        <button type="submit" className="btn btn-primary">
          Lọc
        </button>
        {any && <Link href={path}>Bỏ lọc</Link>}
      </p>
    </form>
  );
}
