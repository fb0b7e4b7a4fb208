// Where the clerk is in a register: how many documents the filters match, and the links to the first,
// previous, next and last pages, each keeping the filters (lib/documents/register-paging.ts).
import { CursorPager } from "@/components/catalog/Pager";
import { registerFilterParams, REGISTER_PAGE_SIZE } from "@/lib/documents/register-paging";
import type { RegisterFilters } from "@/lib/documents/registers";

export function RegisterCount({ total, badCursor }: { total: number; badCursor?: boolean }) {
  return (
    <>
      {badCursor && (
        <p role="status" className="rounded border border-amber-700 bg-amber-50 p-3 text-amber-950" data-testid="trang-khong-hop-le">
          Liên kết trang không hợp lệ hoặc đã cũ; đang hiển thị trang đầu.
        </p>
      )}
      <p className="font-medium" data-testid="tong-so">
        Tổng số: {total.toLocaleString("vi-VN")} văn bản
        {total > REGISTER_PAGE_SIZE && <span className="font-normal text-slate-700"> · {REGISTER_PAGE_SIZE} văn bản mỗi trang</span>}
      </p>
    </>
  );
}

export function RegisterPager({ path, filters, prev, next }: { path: string; filters: RegisterFilters; prev?: string; next?: string }) {
  if (!prev && !next) return null;
  return <CursorPager base={path} params={registerFilterParams(filters)} prev={prev} next={next} />;
}
