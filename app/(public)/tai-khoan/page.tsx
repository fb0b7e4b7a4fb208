import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { homeFor } from "@/lib/auth/permissions";

/** After signing in: each role's own home. */
export default async function AccountHome() {
  const user = await getCurrentUser();
  redirect(user ? homeFor(user.role) : "/dang-nhap");
}
