// The statuses of a feedback item (phản ánh, kiến nghị) and which action each allows. Pure.
export type FeedbackStatus = "received" | "accepted" | "refused" | "forwarded" | "in_progress" | "answered" | "published";

export const FEEDBACK_TOPICS = ["regulation", "procedure", "conduct"] as const;
export type FeedbackTopic = (typeof FEEDBACK_TOPICS)[number];

/** The statuses in which the item is finished: nothing more is owed to the submitter. */
export const CLOSED: readonly FeedbackStatus[] = ["refused", "answered", "published"];

export type FeedbackAction = "accept" | "refuse" | "forward" | "draft" | "approve" | "send_back" | "reroute";

/** From which statuses each action may be taken. */
const FROM: Record<FeedbackAction, readonly FeedbackStatus[]> = {
  accept: ["received", "forwarded"],
  refuse: ["received", "forwarded"],
  forward: ["received", "forwarded"],
  draft: ["accepted", "in_progress"],
  approve: ["in_progress"],
  send_back: ["in_progress"],
  reroute: ["received", "forwarded", "accepted", "in_progress"],
};

export function allows(action: FeedbackAction, status: string): boolean {
  return (FROM[action] as readonly string[]).includes(status);
}

function isClosed(status: string): boolean {
  return (CLOSED as readonly string[]).includes(status);
}

/** Open and past its deadline. */
export function isOverdue(item: { status: string; dueAt: Date }, now = new Date()): boolean {
  return !isClosed(item.status) && item.dueAt.getTime() < now.getTime();
}
