// The applicant's e-mail address for notices: the account's when the dossier has an applicant account, else
// what the dossier's answers recorded (a dossier received at an agency's counter, issue 17, keeps the
// e-mail the agency's system sent there). Pure.
export function applicantEmailOf(answers: unknown): string | null {
  const given = answers && typeof answers === "object" ? (answers as Record<string, unknown>).email : undefined;
  return typeof given === "string" && given.includes("@") ? given : null;
}
