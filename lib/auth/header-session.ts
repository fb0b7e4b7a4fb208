// What the site header knows of the signed-in user (from /api/phien): the name and the menu entries their
// permissions open. Shared by the route that answers and the header component that asks.
export interface HeaderSession {
  user: null | {
    fullName: string;
    myDossiers: boolean;
    workspace: boolean;
    documents: boolean;
    admin: boolean;
    /** Staff: the link to their second factor (lib/auth/second-factor.ts). */
    secondFactor: boolean;
    /** Unread notifications (lib/notify/inbox.ts); null for those who get none. */
    unread: number | null;
  };
}
