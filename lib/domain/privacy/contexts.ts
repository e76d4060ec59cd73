/**
 * The sealing contexts of the personal values kept on orders and contract evidence: each
 * value opens only in its own record and field (lib/server/crypto). Pure, so that tools
 * outside the server (the end-to-end privacy scan) name them the same way.
 */
export const orderField = (orderId: string, field: "email" | "address") => `order:${orderId}:${field}`;

export function acceptanceField(acceptanceId: string, field: "ip" | "user-agent"): string {
  return `acceptance:${acceptanceId}:${field}`;
}
