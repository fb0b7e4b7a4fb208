// The deadlines of feedback handling, in working days (lib/calendar/working-days.ts).
// - Forwarding what is outside the agency's competence: 5 working days, as the issue cites Decree 20/2008/NĐ-CP
//   as amended by Decree 92/2017/NĐ-CP. NOT CONFIRMED against the published text here; a setting.
// - Answering: the legal figure could not be confirmed here, so it is a setting (default 10 working days).
// Both are read from the environment (FEEDBACK_FORWARD_WORKING_DAYS, FEEDBACK_ANSWER_WORKING_DAYS); docs/feedback.md.
function days(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw == null || raw === "" ? fallback : Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 120 ? n : fallback;
}

export function feedbackDeadlines(): { forwardDays: number; answerDays: number } {
  return { forwardDays: days("FEEDBACK_FORWARD_WORKING_DAYS", 5), answerDays: days("FEEDBACK_ANSWER_WORKING_DAYS", 10) };
}
