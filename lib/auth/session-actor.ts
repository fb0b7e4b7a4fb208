// The web caller's half of the door: the actor of this request from its session cookie, and where the
// request came from. Server actions and route handlers call these and pass the result to a use case.
import "server-only";
import type { ActionResult } from "@/lib/errors/app-error";
import { userActor, type Actor } from "./actor";
import { getCurrentUser } from "./current-user";
import type { UseCaseFn } from "./door";
import { requestMeta } from "./request-meta";

export async function sessionActor(): Promise<Actor> {
  return userActor(await getCurrentUser());
}

/** A use case called by the signed-in user of this request (server actions, route handlers, pages). */
export async function viaSession<R>(run: UseCaseFn<R>, raw: unknown): Promise<ActionResult<R>> {
  return run(await sessionActor(), raw, await requestMeta());
}
