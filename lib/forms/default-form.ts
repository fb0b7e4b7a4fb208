// The form a procedure without its own declaration files through: the applicant, the request, and one
// upload per paper to submit. A paper published as conditional ("nếu có", "trường hợp…", "đối với…") is
// optional here, since the default form cannot ask the question the condition turns on.
import { FormDefinition } from "./definition";

/** Whether a paper's published name makes it conditional: "(nếu có)", "Trường hợp…", "Đối với…", "nếu…". */
export function isConditionalPaper(name: string): boolean {
  return /nếu có|trường hợp|đối với|\bnếu\b/iu.test(name.normalize("NFC"));
}

const CONDITIONAL_HELP = "Chỉ nộp nếu trường hợp của ông/bà thuộc điều kiện ghi trong tên giấy tờ; không bắt buộc.";

/** The default form for a procedure: the applicant, the request, one upload per paper to submit. */
export function defaultFormDefinition(components: { name: string; kind: "submit" | "show" }[]): FormDefinition {
  const uploads = components
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => c.kind === "submit")
    // A paper whose name says it is conditional ("nếu có", "trường hợp…", "đối với…", "nếu…") is optional.
    .map(({ c, index }) => {
      const conditional = isConditionalPaper(c.name);
      return {
        id: `giayTo${index + 1}`,
        type: "file" as const,
        label: c.name,
        required: !conditional,
        ...(conditional ? { help: CONDITIONAL_HELP } : {}),
        component: index,
      };
    });
  const steps: FormDefinition["steps"] = [
    {
      id: "nguoi-nop",
      title: "Thông tin người nộp hồ sơ",
      fields: [
        { id: "hoTen", type: "text", label: "Họ và tên", required: true, prefill: "fullName" },
        { id: "soCccd", type: "cccd", label: "Số căn cước công dân", required: true, prefill: "cccd" },
        { id: "ngaySinh", type: "date", label: "Ngày sinh", required: true, prefill: "dateOfBirth" },
        { id: "dienThoai", type: "phone", label: "Số điện thoại di động", required: true, prefill: "phone" },
        { id: "email", type: "email", label: "Thư điện tử", required: false, prefill: "email" },
        { id: "diaChi", type: "address", label: "Địa chỉ liên hệ", required: true },
      ],
    },
    {
      id: "noi-dung",
      title: "Nội dung đề nghị",
      fields: [
        {
          id: "noiDung",
          type: "textarea",
          label: "Nội dung đề nghị giải quyết",
          required: true,
          help: "Trình bày ngắn gọn yêu cầu của ông/bà.",
        },
      ],
    },
  ];
  if (uploads.length > 0) steps.push({ id: "giay-to", title: "Thành phần hồ sơ", fields: uploads });
  return FormDefinition.parse({ format: 2, steps });
}
