// How guessable a new password is: zxcvbn-ts with its common-password and English dictionaries, a short
// list of Vietnamese words people build passwords from (no maintained Vietnamese dictionary exists for
// zxcvbn-ts), and the person's own details (name, e-mail, CCCD, date of birth, phone). Server only: the
// dictionaries are megabytes, so no public page ships them; registration, change and reset call it.
import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import { fold } from "@/lib/catalog/fold";
import { accountText } from "@/lib/i18n/vi/accounts";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordLength } from "./password-rules";

/**
 * zxcvbn's score: 3 means more than 10^8 guesses ("safely unguessable: moderate protection from an offline
 * slow-hash scenario"). Together with throttled sign-in and argon2id hashes this is the bar.
 */
const MIN_SCORE = 3;

/**
 * Words Vietnamese passwords are commonly made of, unaccented (the password is also checked folded), most
 * common first. Made for this project from common sense, not from a breach corpus: names, places, and the
 * phrases of passwords such as "matkhau123" or "anhyeuem".
 */
const VIETNAMESE_WORDS = [
  "matkhau",
  "anhyeuem",
  "emyeuanh",
  "yeuem",
  "yeuanh",
  "iuem",
  "toiyeuem",
  "yeuemnhieu",
  "matkhaumoi",
  "baomat",
  "bimat",
  "taikhoan",
  "dangnhap",
  "xinchao",
  "vietnam",
  "hanoi",
  "saigon",
  "hochiminh",
  "danang",
  "haiphong",
  "cantho",
  "dichvucong",
  "congdan",
  "canbo",
  "quantri",
  "chinhphu",
  "nguyen",
  "tran",
  "pham",
  "hoang",
  "huynh",
  "phan",
  "dang",
  "bui",
  "ngo",
  "duong",
  "van",
  "thi",
  "anh",
  "minh",
  "huong",
  "hoa",
  "lan",
  "linh",
  "ngoc",
  "tuan",
  "hung",
  "dung",
  "thanh",
  "hai",
  "long",
  "nam",
  "hieu",
  "trang",
  "thao",
  "phuong",
  "quang",
  "duc",
  "khanh",
  "mai",
  "hanh",
  "yen",
  "tam",
  "son",
  "hien",
  "trung",
  "cuong",
  "phong",
  "tien",
  "nhung",
];

let factory: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary, vi: VIETNAMESE_WORDS },
    // Off: with these dictionaries it made a check take seconds; the folded and squeezed variants below
    // catch the near misses that matter here (diacritics, spaces).
    useLevenshteinDistance: false,
    // Bounds the l33t matcher's combinations (its cost grows fast with symbol-rich passwords).
    l33tMaxSubstitutions: 10,
    maxLength: PASSWORD_MAX_LENGTH,
  });
  return factory;
}

/** What the person gave about themselves, as words a password must not lean on. */
export interface PersonalInputs {
  fullName?: string | null;
  email?: string | null;
  cccd?: string | null;
  dateOfBirth?: string | Date | null;
  phone?: string | null;
}

function personalWords(p: PersonalInputs): string[] {
  const words = new Set<string>();
  const add = (w: string | null | undefined) => {
    const v = w?.trim().toLowerCase();
    if (v && v.length >= 2) words.add(v);
  };
  if (p.fullName) {
    const folded = fold(p.fullName);
    add(folded.replace(/\s+/g, ""));
    for (const part of folded.split(/\s+/)) add(part);
  }
  if (p.email) {
    const [local, domain] = p.email.toLowerCase().split("@");
    add(local);
    for (const part of local?.split(/[._+-]+/) ?? []) add(part);
    add(domain?.split(".")[0]);
  }
  add(p.cccd);
  if (p.dateOfBirth) {
    const iso = p.dateOfBirth instanceof Date ? p.dateOfBirth.toISOString().slice(0, 10) : p.dateOfBirth;
    const [y, m, d] = iso.split("-");
    if (y && m && d) for (const w of [y, `${d}${m}${y}`, `${d}${m}${y.slice(2)}`, `${y}${m}${d}`]) add(w);
  }
  if (p.phone) {
    add(p.phone);
    add(p.phone.replace(/^\+?84/, "0"));
  }
  return [...words];
}

export type PasswordWeakness = "common" | "personal";

/**
 * Why a new password is too easy to guess, or null when it is good enough. Checked as typed, and folded
 * without diacritics or spaces, so "Mật khẩu 123" is caught like "matkhau123". Length is password-rules' business.
 */
export function passwordWeakness(password: string, person: PersonalInputs = {}): PasswordWeakness | null {
  const inputs = personalWords(person);
  const variants = [...new Set([password.normalize("NFC"), fold(password).replace(/\s+/g, "")])];
  let weakest: PasswordWeakness | null = null;
  for (const v of variants) {
    const r = zxcvbn().check(v, inputs);
    if (r.score >= MIN_SCORE) continue;
    const personal = r.sequence.some((m) => "dictionaryName" in m && m.dictionaryName === "userInputs");
    weakest = personal ? "personal" : (weakest ?? "common");
  }
  return weakest;
}

/** The message for a weak password, naming the field and giving a hint. */
export function weaknessMessage(weakness: PasswordWeakness, label: string = accountText.password): string {
  return weakness === "personal" ? accountText.passwordRules.personal(label) : accountText.passwordRules.common(label);
}

/** Adds the guessability check to a zod refinement: the issue sits on `path` (the new password's field). */
export function checkNewPassword(
  ctx: { addIssue: (issue: { code: "custom"; path: string[]; message: string }) => void },
  password: unknown,
  person: PersonalInputs,
  path = "password",
  label?: string,
): void {
  if (typeof password !== "string" || passwordLength(password) < PASSWORD_MIN_LENGTH || passwordLength(password) > PASSWORD_MAX_LENGTH)
    return;
  const weakness = passwordWeakness(password, person);
  if (weakness) ctx.addIssue({ code: "custom", path: [path], message: weaknessMessage(weakness, label) });
}
