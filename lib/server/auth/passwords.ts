import { hash, verify } from "@node-rs/argon2";

/**
 * Passwords are stored as argon2id (PHC string, parameters inside). 19 MiB, 2 passes,
 * 1 lane: OWASP's minimum for argon2id, about 50 ms a hash on the store's machines.
 * The value 2 is argon2id in @node-rs/argon2's Algorithm enum (a const enum, which
 * isolated modules cannot import).
 */
/** Holds no secret, so the seed (outside Next) hashes the demo passwords with it too. */
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword({ hash: stored, password }: { hash: string; password: string }): Promise<boolean> {
  // A hash in another format (none today) is a refusal, not an exception.
  return verify(stored, password).catch(() => false);
}
