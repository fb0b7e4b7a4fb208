// The blank declaration form (lib/pdf/blank-form.ts): drawn from a form definition, with the national heading, the
// title, every label, the papers, the declaration and the signature; a long form continues on further pages.
import fs from "node:fs";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { FormDefinition } from "@/lib/forms/definition";
import { defaultFormDefinition } from "@/lib/forms/default-form";
import { blankFormTitle, renderBlankForm } from "@/lib/pdf/blank-form";

/** All text of all pages, whitespace collapsed (as tests/unit/pdf.test.ts reads it). */
async function extractText(bytes: Uint8Array): Promise<{ text: string; pages: string[] }> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(
      content.items
        .map((item) => ("str" in item ? item.str : ""))
        .join(" ")
        .replace(/\s+/g, " "),
    );
  }
  await pdf.destroy();
  return { text: pages.join(" "), pages };
}

const birth = FormDefinition.parse(JSON.parse(fs.readFileSync(path.join(process.cwd(), "prisma/data/forms/1.001193.json"), "utf8")));

/** A format-2 form with a repeating group, a code-list field, a checkbox, conditions and papers. */
const synthetic = FormDefinition.parse({
  format: 2,
  title: "TỜ KHAI THỬ NGHIỆM ĐĂNG KÝ CƯ TRÚ",
  source: { form: "Mẫu CT01 (thử nghiệm)", instrument: "Thông tư số 00/2099/TT-XX", status: "unconfirmed", notes: "Dữ liệu kiểm thử" },
  steps: [
    {
      id: "nguoi-khai",
      title: "Người kê khai",
      fields: [
        { id: "hoTen", type: "text", label: "Họ, chữ đệm và tên", required: true },
        { id: "ngaySinh", type: "date", label: "Ngày, tháng, năm sinh", required: true },
        { id: "namDen", type: "year", label: "Năm chuyển đến" },
        { id: "soCccd", type: "cccd", label: "Số định danh cá nhân", required: true },
        { id: "danToc", type: "select", label: "Dân tộc", list: "dan-toc", required: true },
        {
          id: "gioiTinh",
          type: "radio",
          label: "Giới tính",
          options: [
            { value: "nam", label: "Nam" },
            { value: "nu", label: "Nữ" },
          ],
        },
        { id: "soLuong", type: "number", label: "Số bản sao đề nghị cấp" },
        { id: "dienThoai", type: "phone", label: "Số điện thoại" },
        { id: "email", type: "email", label: "Thư điện tử" },
        { id: "diaChi", type: "address", label: "Nơi thường trú" },
        { id: "daKetHon", type: "checkbox", label: "Đã từng kết hôn" },
        { id: "lyDo", type: "textarea", label: "Nội dung đề nghị", help: "Ghi rõ lý do thay đổi nơi cư trú." },
        {
          id: "thanhVien",
          type: "group",
          label: "Những thành viên trong hộ gia đình cùng thay đổi",
          itemLabel: "Thành viên",
          minItems: 0,
          maxItems: 10,
          fields: [
            { id: "hoTen", type: "text", label: "Họ và tên" },
            { id: "ngaySinh", type: "date", label: "Ngày sinh" },
            { id: "quanHe", type: "select", label: "Quan hệ với chủ hộ", list: "quan-he" },
          ],
        },
      ],
    },
    {
      id: "giay-to",
      title: "Giấy tờ",
      fields: [
        { id: "giayXacNhan", type: "file", label: "Giấy xác nhận tình trạng hôn nhân", required: true, component: 0 },
        {
          id: "banAnLyHon",
          type: "file",
          label: "Bản án ly hôn",
          requiredWhen: { field: "daKetHon", equals: true },
          component: 1,
        },
        { id: "giayUyQuyen", type: "file", label: "Văn bản ủy quyền", component: 2 },
      ],
    },
  ],
});

const info = { procedureName: "Đăng ký thường trú", procedureCode: "1.004194", agencyName: "Công an xã Phúc Xá" };

describe("blank declaration form", () => {
  it("prints the birth registration form from its definition", async () => {
    const bytes = await renderBlankForm(birth, {
      procedureName: "Đăng ký khai sinh",
      procedureCode: "1.001193",
      agencyName: "Ủy ban nhân dân phường Phúc Xá",
    });
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe("TỜ KHAI ĐĂNG KÝ KHAI SINH");
    const { text } = await extractText(bytes);
    for (const s of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "TỜ KHAI ĐĂNG KÝ KHAI SINH",
      "Kính gửi: Ủy ban nhân dân phường Phúc Xá",
      "I. NGƯỜI YÊU CẦU ĐĂNG KÝ KHAI SINH",
      "Họ, chữ đệm, tên người yêu cầu:",
      "Số căn cước công dân:",
      "Quan hệ với người được khai sinh:",
      "Mẹ",
      "Người thân thích khác",
      "Giới tính:",
      "Nữ",
      "Dân tộc:",
      "Ghi theo danh mục",
      "Ghi như trên Giấy chứng sinh.",
      "Cha hoặc mẹ là người nước ngoài",
      "Chỉ khai nếu đã đánh dấu “Cha hoặc mẹ là người nước ngoài”",
      "Ghi chú gửi cơ quan đăng ký hộ tịch:",
      "GIẤY TỜ KÈM THEO",
      "Giấy chứng sinh (bản chụp hoặc bản điện tử)",
      "Tờ khai đăng ký khai sinh đã ký (nếu có)",
      "Tôi cam đoan những nội dung khai trên đây là đúng sự thật",
      "NGƯỜI YÊU CẦU",
      "(Ký, ghi rõ họ, chữ đệm, tên)",
      // The source in small print, and that it is not fully confirmed.
      "Thông tư 04/2020/TT-BTP",
    ])
      expect(text).toContain(s);
    // The papers are listed once, in their own section, not as fields with writing lines; the two optional ones say so.
    expect(text).not.toContain("Giấy chứng sinh (bản chụp hoặc bản điện tử):");
    expect(text.match(/\(nếu có\)/g)).toHaveLength(2);
  });

  it("prints a format-2 form: its title, source, group table, code list hint, checkbox and conditional papers", async () => {
    const bytes = await renderBlankForm(synthetic, info);
    const { text } = await extractText(bytes);
    for (const s of [
      "Mẫu CT01 (thử nghiệm) (Thông tư số 00/2099/TT-XX)",
      "Các mục của mẫu chưa được đối chiếu đầy đủ với văn bản ban hành.",
      "TỜ KHAI THỬ NGHIỆM ĐĂNG KÝ CƯ TRÚ",
      "Thủ tục: Đăng ký thường trú (mã 1.004194)",
      "Kính gửi: Công an xã Phúc Xá",
      "Họ, chữ đệm và tên:",
      "Ngày, tháng, năm sinh:",
      "ngày",
      "tháng",
      "năm",
      "Năm chuyển đến:",
      "Số định danh cá nhân:",
      "Dân tộc:",
      "Ghi theo danh mục các dân tộc Việt Nam.",
      "Giới tính: (đánh dấu một ô)",
      "Số bản sao đề nghị cấp:",
      "Số điện thoại:",
      "Thư điện tử:",
      "Nơi thường trú:",
      "Đã từng kết hôn",
      "Nội dung đề nghị:",
      "Ghi rõ lý do thay đổi nơi cư trú.",
      "Những thành viên trong hộ gia đình cùng thay đổi:",
      "STT",
      "Họ và tên",
      "Quan hệ với chủ hộ",
      "II. GIẤY TỜ KÈM THEO",
      "Giấy xác nhận tình trạng hôn nhân",
      "Bản án ly hôn (nộp nếu đã đánh dấu “Đã từng kết hôn”)",
      "Văn bản ủy quyền (nếu có)",
      "Tôi cam đoan",
      "Trang 1/",
    ])
      expect(text).toContain(s);
    expect(text).not.toContain("Mẫu do Cổng");
  });

  it("uses the definition's title, or TỜ KHAI and the procedure's name", () => {
    expect(blankFormTitle(synthetic, "x")).toBe("TỜ KHAI THỬ NGHIỆM ĐĂNG KÝ CƯ TRÚ");
    expect(blankFormTitle({ ...birth, title: undefined }, "Cấp Phiếu lý lịch tư pháp")).toBe("TỜ KHAI CẤP PHIẾU LÝ LỊCH TƯ PHÁP");
  });

  it("continues a long form on further pages, numbered, with the signature on the last", async () => {
    const long = FormDefinition.parse({
      format: 2,
      steps: Array.from({ length: 6 }, (_, s) => ({
        id: `buoc${s}`,
        title: `Phần ${s + 1}`,
        fields: Array.from({ length: 8 }, (_, i) => ({
          id: `o${s}_${i}`,
          type: i % 3 === 0 ? "textarea" : "text",
          label: `Mục ${s + 1}.${i + 1}`,
        })),
      })),
    });
    const bytes = await renderBlankForm(long, info);
    const { pages, text } = await extractText(bytes);
    expect(pages.length).toBeGreaterThan(1);
    expect(text).toContain("Mục 6.8:");
    expect(pages[0]).toContain(`Trang 1/${pages.length}`);
    expect(pages[pages.length - 1]).toContain("NGƯỜI YÊU CẦU");
    expect(pages[pages.length - 1]).toContain(`Trang ${pages.length}/${pages.length}`);
  });

  it("prints the portal's generic form for a procedure without its own", async () => {
    const def = defaultFormDefinition([
      { name: "Đơn đề nghị", kind: "submit" },
      { name: "Căn cước", kind: "show" },
      { name: "Giấy ủy quyền (nếu có)", kind: "submit" },
    ]);
    const { text } = await extractText(await renderBlankForm(def, { ...info, procedureName: "Chứng thực bản sao" }));
    expect(text).toContain("TỜ KHAI CHỨNG THỰC BẢN SAO");
    expect(text).toContain("Nội dung đề nghị giải quyết:");
    expect(text).toContain("Đơn đề nghị");
    expect(text).toContain("Giấy ủy quyền (nếu có)");
    expect(text).not.toContain("Căn cước:");
  });
});
