// A service's online form, stored as JSON on the service and validated by this schema.
// The filing feature renders it and builds the answers' zod schema from it.
import { z } from "zod";

const FIELD_TYPES = [
  "text",
  "textarea",
  "number",
  "date",
  "select",
  "radio",
  "checkbox",
  "cccd",
  "phone",
  "email",
  "address",
  "file",
] as const;

const Option = z.object({ value: z.string().min(1), label: z.string().min(1) });

export const FormField = z
  .object({
    id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, "id must be an identifier"),
    type: z.enum(FIELD_TYPES),
    label: z.string().min(1),
    required: z.boolean().default(false),
    help: z.string().optional(),
    options: z.array(Option).optional(),
    /** Shown only when another field's answer equals this value. */
    showWhen: z.object({ field: z.string(), equals: z.union([z.string(), z.boolean()]) }).optional(),
    /** For file fields: the index of the dossier component (paper) it collects. */
    component: z.number().int().nonnegative().optional(),
    /** Prefill from the citizen's profile. */
    prefill: z.enum(["fullName", "cccd", "dateOfBirth", "phone", "email"]).optional(),
  })
  .refine((f) => !["select", "radio"].includes(f.type) || (f.options?.length ?? 0) > 0, {
    message: "select and radio fields need options",
    path: ["options"],
  });

const FormStep = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  fields: z.array(FormField).min(1),
});

export const FormDefinition = z.object({ version: z.literal(1), steps: z.array(FormStep).min(1) }).superRefine((def, ctx) => {
  const ids = def.steps.flatMap((s) => s.fields.map((f) => f.id));
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) ctx.addIssue({ code: "custom", message: `duplicate field id ${id}` });
    seen.add(id);
  }
  for (const f of def.steps.flatMap((s) => s.fields)) {
    if (f.showWhen && !seen.has(f.showWhen.field))
      ctx.addIssue({ code: "custom", message: `${f.id}: showWhen names unknown field ${f.showWhen.field}` });
  }
});

export type FormDefinition = z.infer<typeof FormDefinition>;
export type FormField = z.infer<typeof FormField>;

/** The default form for a procedure: the applicant, the request, one upload per paper to submit. */
export function defaultFormDefinition(components: { name: string; kind: "submit" | "show" }[]): FormDefinition {
  const uploads = components
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => c.kind === "submit")
    // A paper published as "(nếu có)" (if any) is optional.
    .map(({ c, index }) => ({
      id: `giayTo${index + 1}`,
      type: "file" as const,
      label: c.name,
      required: !/\(nếu có\)/i.test(c.name),
      component: index,
    }));
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
  return FormDefinition.parse({ version: 1, steps });
}
