import { authText } from "@/lib/i18n/vi/auth";

/** A plain form posting to the page's server action: works without JavaScript. */
export function SignOutEverywhere({ action }: { action: () => Promise<void> }) {
  return (
    <form action={action}>
      <button type="submit" className="btn btn-secondary">
        {authText.signOutEverywhere}
      </button>
    </form>
  );
}
