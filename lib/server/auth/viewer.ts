import "server-only";
import { getPrisma } from "@/lib/db/client";
import type { Viewer } from "@/lib/domain/accounts";
import { secondFactorOf } from "@/lib/domain/two-factor";
import { getAuth } from "./index";

export { requireOperator, requireSellerMember, type GuardResult, type Viewer } from "@/lib/domain/accounts";

/**
 * Who is asking, from the session cookie in `headers`; null for a visitor without a
 * live session. Role and seller come from the database on every call, so a change of
 * role takes effect on the next request. `secondFactor` says whether two-factor is on and
 * whether this session passed it (the session row's flag, set when it was made).
 */
export async function currentViewer(headers: Headers): Promise<Viewer | null> {
  const session = await getAuth().api.getSession({ headers });
  if (!session) return null;
  const user = await getPrisma().user.findUnique({
    where: { id: session.user.id },
    select: { id: true, email: true, role: true, twoFactorEnabled: true, sellerMember: { select: { sellerId: true, role: true } } },
  });
  if (!user) return null;
  return {
    userId: user.id,
    email: user.email,
    role: user.role,
    seller: user.sellerMember ? { id: user.sellerMember.sellerId, role: user.sellerMember.role } : null,
    secondFactor: secondFactorOf(user.twoFactorEnabled, (session.session as { twoFactorVerified?: boolean }).twoFactorVerified),
  };
}
