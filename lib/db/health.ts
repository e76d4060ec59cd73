/**
 * Is the database reachable? A TCP connect to its host and port, remembered for a
 * couple of seconds so a busy server asks rarely. Used by the proxy to answer 503 for
 * pages that cannot render without the database, instead of letting them fail.
 */
import net from "node:net";

const REMEMBER_MS = 2_000;
const TIMEOUT_MS = 750;

let last: { url: string; at: number; reachable: Promise<boolean> } | undefined;

function probe(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(TIMEOUT_MS, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

export function databaseReachable(url: string | undefined, now = Date.now()): Promise<boolean> {
  if (!url) return Promise.resolve(false);
  if (last && last.url === url && now - last.at < REMEMBER_MS) return last.reachable;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.resolve(false);
  }
  const reachable = probe(target.hostname || "127.0.0.1", Number(target.port || 5432));
  last = { url, at: now, reachable };
  return reachable;
}
