import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("gives every variable its documented default", () => {
    expect(parseEnv({})).toEqual({
      CARAVAN_PG_PORT: 54329,
      PORT: 3000,
      CARAVAN_PUBLIC_URL: "http://localhost:3000",
      CARAVAN_ECB_URL: "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml",
      NEXT_DIST_DIR: ".next",
    });
  });

  it("accepts valid values and treats empty strings as unset", () => {
    const env = parseEnv({ DATABASE_URL: "postgresql://u:p@db:5432/caravan", PORT: "8080", CARAVAN_PUBLIC_URL: "" });
    expect(env).toMatchObject({ DATABASE_URL: "postgresql://u:p@db:5432/caravan", PORT: 8080, CARAVAN_PUBLIC_URL: "http://localhost:3000" });
  });

  it("names every malformed variable in one error", () => {
    try {
      parseEnv({ DATABASE_URL: "mysql://x", PORT: "eighty", CARAVAN_PUBLIC_URL: "ftp://shop" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const problems = (error as EnvError).problems;
      expect(problems).toHaveLength(3);
      expect(problems[0]).toMatch(/^DATABASE_URL: must be a postgresql:\/\/ connection URL$/);
      expect(problems).toContain("PORT: must be a port number (1-65535)");
      expect(problems.some((p) => p.startsWith("CARAVAN_PUBLIC_URL: must be an http(s) URL"))).toBe(true);
    }
  });
});
