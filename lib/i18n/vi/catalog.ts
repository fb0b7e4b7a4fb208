// Texts of the catalog still used by the pages that are not in the message catalog yet (officer and admin pages,
// the agency pages). The public catalog, its search and the procedure pages use lib/i18n/messages (catalog.*).
export const catalogText = {
  centralBodies: "Bộ, ngành trung ương",
  provinces: "Tỉnh, thành phố trực thuộc trung ương",
  levelName: (level: number) => (level === 4 ? "Mức độ 4 — Toàn trình" : level === 3 ? "Mức độ 3 — Một phần" : `Mức độ ${level}`),
  levelShort: (level: number) => (level === 4 ? "Toàn trình (mức 4)" : level === 3 ? "Một phần (mức 3)" : `Mức ${level}`),
  agencyKind: {
    MINISTRY: "Bộ",
    MINISTRY_LEVEL: "Cơ quan ngang bộ",
    GOVERNMENT_AGENCY: "Cơ quan thuộc Chính phủ",
    PROVINCE: "Tỉnh, thành phố",
    UNIT: "Đơn vị trực thuộc",
  } as Record<string, string>,
  agencyPage: {
    identifier: "Mã định danh (QCVN 102:2016/BTTTT)",
    kind: "Loại cơ quan",
    provinceCode: "Mã đơn vị hành chính",
    services: "Dịch vụ công do cơ quan cung cấp",
    successor: "Cơ quan kế thừa",
    sampleIdentifier: "Mã định danh mẫu, chưa đối chiếu với danh mục đã công bố.",
    listTitle: "Cơ quan thực hiện thủ tục hành chính",
  },
  detail: { free: "Không mất phí" },
} as const;
