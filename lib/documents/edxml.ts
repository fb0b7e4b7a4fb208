// Writes an EdDocument as a QCVN 102:2016 edXML message and reads one back, validating it; reading never
// throws and refuses DTDs, oversized input and anything EdDocument would refuse, with a Vietnamese message.
// Kept as one file past 400 lines: the mapping table, its writer and its reader are one specification read top to bottom.
import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";
import { EdDocument, MAX_ATTACHMENTS_BYTES, fieldPath } from "./schema";
import { documentId, parseDocumentId } from "./types";

export const EDXML_NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
const P = "edXML:";

/**
 * Largest edXML text accepted, checked before any parsing. Derived from the attachment limit (20 MB decoded
 * is 4/3 as much base64) plus room for the header, so every document EdDocument accepts can be read back.
 */
export const MAX_EDXML_CHARS = Math.ceil(MAX_ATTACHMENTS_BYTES / 3) * 4 + 4 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------------------
// The mapping, in the standard's order. A `key` names the EdDocument field (relative to the enclosing keyed
// element); elements without a key only group. `derived` elements are written from other fields and only
// checked on reading.

type Codec = "text" | "int" | "date" | "base64";
type Scope = Record<string, unknown>;

interface LeafSpec {
  kind: "leaf";
  tag: string;
  key: string;
  codec: Codec;
  optional: boolean;
}
interface DerivedSpec {
  kind: "derived";
  tag: string;
  write: (doc: EdDocument) => unknown;
  /** A Vietnamese complaint when the element read disagrees with the fields it is derived from. */
  check?: (doc: EdDocument, text: string) => string | null;
}
interface GroupSpec {
  kind: "group";
  tag: string;
  key?: string;
  repeated: boolean;
  optional: boolean;
  /** Written even when empty, because the envelope always has it. */
  always: boolean;
  attributes: { name: string; key: string }[];
  children: Spec[];
}
type Spec = LeafSpec | DerivedSpec | GroupSpec;

interface LeafOptions {
  codec?: Codec;
  optional?: boolean;
}
const leaf = (tag: string, key: string, o: LeafOptions = {}): LeafSpec => ({
  kind: "leaf",
  tag,
  key,
  codec: o.codec ?? "text",
  optional: o.optional ?? false,
});
const opt: LeafOptions = { optional: true };
const int: LeafOptions = { codec: "int" };
const date: LeafOptions = { codec: "date" };

interface GroupOptions {
  key?: string;
  repeated?: boolean;
  optional?: boolean;
  always?: boolean;
  attributes?: { name: string; key: string }[];
}
const group = (tag: string, o: GroupOptions, children: Spec[]): GroupSpec => ({
  kind: "group",
  tag,
  repeated: o.repeated ?? false,
  optional: o.optional ?? false,
  always: o.always ?? false,
  attributes: o.attributes ?? [],
  children,
  ...(o.key ? { key: o.key } : {}),
});
const derived = (tag: string, write: DerivedSpec["write"], check?: DerivedSpec["check"]): DerivedSpec => ({
  kind: "derived",
  tag,
  write,
  ...(check ? { check } : {}),
});

const numberNotation = (doc: EdDocument) => `${doc.code.number}/${doc.code.notation}`;

/** DocumentId must name this very document; a zero-padded number ("05/QĐ-UBND") still names number 5. */
function checkDocumentId(doc: EdDocument, text: string): string | null {
  const expected = documentId(doc.from.organId, doc.promulgation.date, numberNotation(doc));
  const got = parseDocumentId(text);
  const slash = got?.notation.indexOf("/") ?? -1;
  const same =
    got !== null &&
    got.organId === doc.from.organId &&
    got.promulgationDate === doc.promulgation.date &&
    Number(got.notation.slice(0, slash)) === doc.code.number &&
    got.notation.slice(slash + 1) === doc.code.notation;
  return same ? null : `mã văn bản "${text}" không khớp với cơ quan gửi, ngày ban hành và số, ký hiệu (phải là "${expected}")`;
}

const ENVELOPE: GroupSpec = group("edXMLEnvelope", {}, [
  group("edXMLHeader", {}, [
    group("MessageHeader", {}, [
      group("From", { key: "from" }, [
        leaf("OrganId", "organId"),
        leaf("OrganName", "organName"),
        leaf("OrganAdd", "address", opt),
        leaf("Email", "email", opt),
        leaf("Telephone", "phone", opt),
      ]),
      group("To", { key: "to", repeated: true }, [leaf("OrganId", "organId"), leaf("OrganName", "organName")]),
      group("Code", { key: "code" }, [leaf("CodeNumber", "number", int), leaf("CodeNotation", "notation")]),
      group("PromulgationInfo", { key: "promulgation" }, [leaf("Place", "place"), leaf("PromulgationDate", "date", date)]),
      group("DocumentType", { key: "documentType" }, [leaf("Type", "code"), leaf("TypeName", "name")]),
      leaf("Subject", "subject"),
      leaf("Content", "content", opt),
      group("SignerInfo", { key: "signer" }, [
        leaf("Competence", "competence", opt),
        leaf("Position", "position"),
        leaf("FullName", "fullName"),
      ]),
      leaf("DueDate", "dueDate", { codec: "date", optional: true }),
      // Nơi nhận as printed on the document: the recipients' names.
      derived("ToPlaces", (doc) => ({ [`${P}Place`]: doc.to.map((t) => t.organName) })),
      group("OtherInfo", {}, [leaf("Priority", "priority", int), leaf("SecurityLevel", "secrecy", int)]),
      group("ResponseFor", { key: "responseFor", optional: true }, [
        leaf("OrganId", "organId"),
        leaf("Code", "code"),
        leaf("PromulgationDate", "promulgationDate", date),
        leaf("DocumentId", "documentId"),
      ]),
      leaf("SteeringType", "steeringType", { codec: "int", optional: true }),
      derived("DocumentId", (doc) => documentId(doc.from.organId, doc.promulgation.date, numberNotation(doc)), checkDocumentId),
    ]),
    // Each hop's TraceHeader (OrganId, Timestamp) is stamped by the sending system and the axis with their
    // clocks; a pure serialiser has no clock, so none is written and those read are left to the transport.
    group("TraceHeaderList", { attributes: [{ name: "id", key: "messageId" }] }, [
      group("Bussiness", { key: "trace" }, [
        leaf("BussinessDocType", "businessType", int),
        group("ReplacementInfoList", {}, [group("ReplacementInfo", {}, [leaf("DocumentId", "replacesDocumentId", opt)])]),
      ]),
    ]),
  ]),
  group("edXMLBody", { always: true }, [
    group("Attachment", { key: "attachments", repeated: true, optional: true }, [
      leaf("ContentType", "contentType"),
      leaf("AttachmentName", "name"),
      leaf("Description", "description", opt),
      leaf("ContentTransferEncoded", "contentBase64", { codec: "base64" }),
    ]),
  ]),
]);

// ---------------------------------------------------------------------------------------------------------
// Writing

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  format: true,
  indentBy: "  ",
  suppressEmptyNode: true,
});

function encode(codec: Codec, value: unknown): string {
  const s = String(value);
  if (codec === "date") {
    const [y, m, d] = s.split("-");
    return `${d}/${m}/${y}`;
  }
  return s;
}

function writeGroup(spec: GroupSpec, scope: Scope, doc: EdDocument): Scope {
  const out: Scope = {};
  for (const a of spec.attributes) if (scope[a.key] !== undefined) out[`@_${a.name}`] = String(scope[a.key]);
  for (const child of spec.children) {
    const name = P + child.tag;
    if (child.kind === "leaf") {
      if (scope[child.key] !== undefined) out[name] = encode(child.codec, scope[child.key]);
    } else if (child.kind === "derived") {
      const v = child.write(doc);
      if (v !== undefined) out[name] = v;
    } else if (child.repeated) {
      const items = (child.key ? scope[child.key] : undefined) as Scope[] | undefined;
      if (items?.length) out[name] = items.map((item) => writeGroup(child, item, doc));
    } else if (child.key) {
      const sub = scope[child.key] as Scope | undefined;
      if (sub !== undefined) out[name] = writeGroup(child, sub, doc);
    } else {
      const built = writeGroup(child, scope, doc);
      if (Object.keys(built).length || child.always) out[name] = built;
    }
  }
  return out;
}

/** The edXML text of a valid document; the same document always gives the same bytes. */
export function toEdXml(doc: EdDocument): string {
  const envelope = { [`@_xmlns:edXML`]: EDXML_NAMESPACE, ...writeGroup(ENVELOPE, doc, doc) };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [P + ENVELOPE.tag]: envelope })}`;
}

// ---------------------------------------------------------------------------------------------------------
// Reading

export type FromEdXmlResult = { ok: true; doc: EdDocument } | { ok: false; error: string };

/** A refusal found while walking the tree; caught in fromEdXml, never escapes. */
class EdXmlError extends Error {}

interface ReadContext {
  /** EdDocument field path → the XML path it was read from, to point zod's errors at the element. */
  paths: Map<string, string>;
  derived: { spec: DerivedSpec; text: string; xmlPath: string }[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // Values stay strings: the codecs below decide what a number or a date is, with the element's path.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Entities: DTDs are refused before parsing, so only the five XML entities and character references
  // (&#…;, which the htmlEntities decoder handles) can occur; nothing user-defined is ever expanded.
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const VALIDATOR_ERRORS: Record<string, string> = {
  InvalidXml: "cấu trúc XML không đúng",
  InvalidTag: "thẻ không hợp lệ hoặc mở/đóng không khớp",
  InvalidAttr: "thuộc tính không hợp lệ",
  InvalidChar: "ký tự không được phép ở vị trí này",
};

const isObject = (v: unknown): v is Scope => typeof v === "object" && v !== null && !Array.isArray(v);

const joinPath = (base: string, key: string | number) => (base ? `${base}.${key}` : String(key));

function elements(node: Scope, tag: string): unknown[] {
  const v = node[P + tag];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function asElement(v: unknown, xmlPath: string): Scope {
  if (v === "") return {};
  if (isObject(v)) return v;
  throw new EdXmlError(`${xmlPath}: phải chứa các phần tử con, không phải văn bản`);
}

function asText(v: unknown, xmlPath: string): string {
  if (typeof v === "string") return v;
  if (isObject(v)) {
    const keys = Object.keys(v).filter((k) => !k.startsWith("@_"));
    if (keys.length === 0) return "";
    if (keys.length === 1 && typeof v["#text"] === "string") return v["#text"];
  }
  throw new EdXmlError(`${xmlPath}: phải là giá trị văn bản, không chứa phần tử con`);
}

function decode(codec: Codec, raw: string, xmlPath: string): unknown {
  switch (codec) {
    case "int":
      if (!/^\d{1,9}$/.test(raw)) throw new EdXmlError(`${xmlPath}: "${raw}" không phải số nguyên không âm`);
      return Number(raw);
    case "date": {
      const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(raw);
      const iso = m ? `${m[3]}-${m[2]}-${m[1]}` : "";
      const d = new Date(`${iso}T00:00:00Z`);
      if (!m || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
        throw new EdXmlError(`${xmlPath}: ngày "${raw}" không đúng dạng dd/MM/yyyy (ví dụ 30/09/2015)`);
      }
      return iso;
    }
    case "base64":
      // Senders may wrap base64 in lines (MIME does at 76 columns); the JSON form has none.
      return raw.replace(/\s+/g, "");
    default:
      return raw;
  }
}

/** Whether an element must be present: a keyed group unless optional, a grouping one if it holds something required. */
function required(spec: Spec): boolean {
  if (spec.kind === "leaf") return !spec.optional;
  if (spec.kind === "derived") return false;
  if (spec.key) return !spec.optional;
  return spec.children.some(required);
}

/** Records where each field of an absent optional group would be, so later errors can still point there. */
function notePaths(spec: GroupSpec, xmlPath: string, jsonPath: string, ctx: ReadContext): void {
  for (const child of spec.children) {
    const xp = `${xmlPath}/${P}${child.tag}`;
    if (child.kind === "leaf") ctx.paths.set(joinPath(jsonPath, child.key), xp);
    else if (child.kind === "group" && !child.repeated) notePaths(child, xp, child.key ? joinPath(jsonPath, child.key) : jsonPath, ctx);
  }
}

function readGroup(spec: GroupSpec, node: Scope, xmlPath: string, scope: Scope, jsonPath: string, ctx: ReadContext): void {
  for (const a of spec.attributes) {
    const ap = `${xmlPath}/@${a.name}`;
    ctx.paths.set(joinPath(jsonPath, a.key), ap);
    const v = node[`@_${a.name}`];
    if (typeof v !== "string" || v.trim() === "") throw new EdXmlError(`${ap}: thiếu thuộc tính ${a.name}`);
    scope[a.key] = v.trim();
  }
  for (const child of spec.children) {
    const xp = `${xmlPath}/${P}${child.tag}`;
    const found = elements(node, child.tag);
    if (child.kind === "derived") {
      if (found.length) ctx.derived.push({ spec: child, text: child.check ? asText(found[0], xp) : "", xmlPath: xp });
      continue;
    }
    if (child.kind === "group" && child.repeated) {
      const key = child.key ?? child.tag;
      ctx.paths.set(joinPath(jsonPath, key), xp);
      if (!found.length && !child.optional) throw new EdXmlError(`${xp}: thiếu phần tử bắt buộc`);
      scope[key] = found.map((f, i) => {
        const item: Scope = {};
        const ixp = `${xp}[${i + 1}]`;
        readGroup(child, asElement(f, ixp), ixp, item, joinPath(jsonPath, `${key}.${i}`), ctx);
        return item;
      });
      continue;
    }
    if (found.length > 1) throw new EdXmlError(`${xp}: chỉ được xuất hiện một lần (có ${found.length})`);
    if (child.kind === "leaf") {
      ctx.paths.set(joinPath(jsonPath, child.key), xp);
      if (!found.length) {
        if (child.optional) continue;
        throw new EdXmlError(`${xp}: thiếu phần tử bắt buộc`);
      }
      const raw = asText(found[0], xp);
      // Empty optional elements are common in the wild and mean "not given".
      if (raw === "" && child.optional) continue;
      scope[child.key] = decode(child.codec, raw, xp);
      continue;
    }
    const childJson = child.key ? joinPath(jsonPath, child.key) : jsonPath;
    if (child.key) ctx.paths.set(childJson, xp);
    if (!found.length) {
      if (required(child)) throw new EdXmlError(`${xp}: thiếu phần tử bắt buộc`);
      notePaths(child, xp, childJson, ctx);
      continue;
    }
    let target = scope;
    if (child.key) {
      target = {};
      scope[child.key] = target;
    }
    readGroup(child, asElement(found[0], xp), xp, target, childJson, ctx);
  }
}

const MB = (n: number) => `${(n / 1024 / 1024).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} MB`;

function read(input: unknown): FromEdXmlResult {
  if (typeof input !== "string") return { ok: false, error: "Dữ liệu edXML phải là văn bản XML." };
  if (input.length > MAX_EDXML_CHARS) {
    const n = (v: number) => v.toLocaleString("vi-VN");
    return {
      ok: false,
      error: `Tài liệu edXML quá lớn: ${n(input.length)} ký tự, tối đa ${n(MAX_EDXML_CHARS)} ký tự (đủ cho ${MB(MAX_ATTACHMENTS_BYTES)} tệp đính kèm).`,
    };
  }
  const xml = input.replace(/^\uFEFF/, "");
  if (xml.trim() === "") return { ok: false, error: "Tài liệu edXML rỗng." };
  // edXML has no DTD. Refusing any DOCTYPE or ENTITY declaration outright closes entity expansion
  // ("billion laughs") and external entities before the parser sees a byte.
  const dtd = /<!(DOCTYPE|ENTITY)\b/i.exec(xml);
  if (dtd) {
    const line = xml.slice(0, dtd.index).split("\n").length;
    return {
      ok: false,
      error: `Tài liệu edXML không được chứa khai báo <!${dtd[1]!.toUpperCase()}> (dòng ${line}): không chấp nhận DTD và thực thể tự định nghĩa.`,
    };
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { code, msg, line, col } = valid.err;
    const where = col ? `dòng ${line}, cột ${col}` : `dòng ${line}`;
    return { ok: false, error: `Không phải tài liệu XML hợp lệ: ${VALIDATOR_ERRORS[code] ?? "lỗi cú pháp"} ở ${where} (${msg}).` };
  }

  const tree: unknown = parser.parse(xml);
  const rootName = P + ENVELOPE.tag;
  const roots = isObject(tree) ? Object.keys(tree) : [];
  if (!isObject(tree) || roots.length !== 1 || roots[0] !== rootName) {
    return {
      ok: false,
      error: `Phần tử gốc phải là ${rootName}${roots.length ? ` (nhận được ${roots.map((r) => `<${r}>`).join(", ")})` : ""}.`,
    };
  }
  const root = asElement(tree[rootName], rootName);
  if (root["@_xmlns:edXML"] !== EDXML_NAMESPACE) {
    return { ok: false, error: `${rootName}: không gian tên xmlns:edXML phải là "${EDXML_NAMESPACE}".` };
  }

  const ctx: ReadContext = { paths: new Map(), derived: [] };
  const raw: Scope = {};
  readGroup(ENVELOPE, root, rootName, raw, "", ctx);

  const parsed = EdDocument.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 5).map((issue) => {
      const where = ctx.paths.get(fieldPath(issue.path));
      return where ? `${issue.message} (phần tử ${where})` : issue.message;
    });
    const more = parsed.error.issues.length > 5 ? `\n… và ${parsed.error.issues.length - 5} lỗi khác` : "";
    return { ok: false, error: `edXML không hợp lệ:\n${lines.join("\n")}${more}` };
  }
  for (const d of ctx.derived) {
    const complaint = d.spec.check?.(parsed.data, d.text);
    if (complaint) return { ok: false, error: `${d.xmlPath}: ${complaint}` };
  }
  return { ok: true, doc: parsed.data };
}

/** Reads and validates an edXML message. Never throws: every failure is `{ ok: false, error }` in Vietnamese. */
export function fromEdXml(xml: string): FromEdXmlResult {
  try {
    return read(xml);
  } catch (e) {
    if (e instanceof EdXmlError) return { ok: false, error: e.message };
    return { ok: false, error: "Không đọc được tài liệu edXML (lỗi khi phân tích cú pháp)." };
  }
}
