// The help desk's channels shown on /lien-he: settings, read from the environment. No official hotline or address
// could be confirmed for this demonstration, so a channel without its setting is reported as unset and the page
// marks it as a placeholder; nothing here invents an official number.
// - HELP_DESK_EMAIL: the help desk's address (default: the demo domain's hotro@dichvucong.example, like the demo
//   accounts and MAIL_FROM's default, itself a placeholder).
// - HELP_DESK_PHONE, HELP_DESK_ADDRESS, HELP_DESK_HOURS: unset by default.

export interface HelpDeskChannel {
  /** The setting's name, shown beside a placeholder so an operator knows what to set. */
  setting: string;
  value: string | null;
  /** True when the value is not the operator's own setting (unset, or the demo default). */
  placeholder: boolean;
}

const DEMO_EMAIL = "hotro@dichvucong.example";

function read(name: string, max: number): string | null {
  const v = process.env[name]?.trim();
  return v ? v.slice(0, max) : null;
}

export function helpDeskChannels(): { email: HelpDeskChannel; phone: HelpDeskChannel; address: HelpDeskChannel; hours: HelpDeskChannel } {
  const email = read("HELP_DESK_EMAIL", 254);
  return {
    email: { setting: "HELP_DESK_EMAIL", value: email ?? DEMO_EMAIL, placeholder: !email },
    phone: { setting: "HELP_DESK_PHONE", value: read("HELP_DESK_PHONE", 40), placeholder: !read("HELP_DESK_PHONE", 40) },
    address: { setting: "HELP_DESK_ADDRESS", value: read("HELP_DESK_ADDRESS", 300), placeholder: !read("HELP_DESK_ADDRESS", 300) },
    hours: { setting: "HELP_DESK_HOURS", value: read("HELP_DESK_HOURS", 200), placeholder: !read("HELP_DESK_HOURS", 200) },
  };
}
