/** Load generation and summaries shared by the single-size and the scale benchmark. */
import autocannon from "autocannon";

export const HEADERS = { cookie: "caravan_market=US; NEXT_LOCALE=en", "accept-language": "en-US" };

export interface Target {
  name: string;
  /** GET paths, taken in turn. */
  paths: string[];
  /** A path per request instead, so no two requests are the same page (never a cache hit). */
  distinct?: () => string;
  /** A JSON body to POST to each of `paths` instead of a GET. */
  post?: unknown;
  /** Measured alone at this many requests/s (a latency phase) rather than under saturating load. */
  rate?: number;
}

export interface Run {
  result: autocannon.Result;
  latencies: number[];
}

export interface Result {
  name: string;
  rps: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
}

function requestsOf(target: Target): autocannon.Request[] {
  if (target.distinct) {
    const next = target.distinct;
    return [{ method: "GET", setupRequest: (request) => ({ ...request, path: next() }) }];
  }
  if (target.post !== undefined) {
    const body = JSON.stringify(target.post);
    return target.paths.map((p) => ({ method: "POST", path: p, body, headers: { ...HEADERS, "content-type": "application/json" } }));
  }
  return target.paths.map((p) => ({ method: "GET", path: p }));
}

/** First renders, caches and JIT: each request of a target a few times. */
export async function warmUp(base: string, target: Target, times = 5): Promise<void> {
  for (let i = 0; i < times; i++) {
    if (target.distinct) {
      await fetch(base + target.distinct(), { headers: HEADERS });
      continue;
    }
    for (const p of target.paths) {
      await fetch(
        base + p,
        target.post === undefined
          ? { headers: HEADERS }
          : { method: "POST", headers: { ...HEADERS, "content-type": "application/json" }, body: JSON.stringify(target.post) },
      );
    }
  }
}

export function cannon(base: string, target: Target, options: { connections: number; duration: number; overallRate?: number }): Promise<Run> {
  const latencies: number[] = [];
  return new Promise<Run>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: options.connections,
        duration: options.duration,
        ...(options.overallRate ? { overallRate: options.overallRate } : {}),
        headers: HEADERS,
        requests: requestsOf(target),
      },
      (error, finished) => (error ? reject(error) : resolve({ result: finished, latencies })),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function summarise(name: string, runs: Run[]): Result {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return {
    name,
    rps: runs.reduce((n, r) => n + r.result.requests.average, 0) / runs.length,
    p95: Math.round(percentile(latencies, 95) * 10) / 10,
    p99: Math.round(percentile(latencies, 99) * 10) / 10,
    errors: runs.reduce((n, r) => n + r.result.errors + r.result.timeouts, 0),
    non2xx: runs.reduce((n, r) => n + r.result.non2xx, 0),
  };
}
