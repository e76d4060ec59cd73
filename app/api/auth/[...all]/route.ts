import { toNextJsHandler } from "better-auth/next-js";
import { limitAuthRequest } from "@/lib/server/auth/http";
import { getAuth } from "@/lib/server/auth";

/** better-auth's own endpoints (verification links, password-reset links, JSON API); sign-in, sign-up and reset count against the forms limit. */
export async function GET(request: Request) {
  return toNextJsHandler(getAuth()).GET(request);
}

export async function POST(request: Request) {
  const refused = await limitAuthRequest(request);
  if (refused) return refused;
  return toNextJsHandler(getAuth()).POST(request);
}
