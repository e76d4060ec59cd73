import type { Viewer } from "@/lib/domain/accounts";
import type { AuditActor } from "@/lib/server/audit";

/** Who the audit log names for a panel action: the person, by account id and email. */
export function actorOf(viewer: Viewer): AuditActor {
  return { kind: viewer.role === "OPERATOR" ? "operator" : viewer.seller ? "seller" : "buyer", id: viewer.userId, name: viewer.email };
}
