import { describe, expect, it } from "vitest";
import { parseSeedArgs } from "./seed-args";

describe("db:seed options", () => {
  it("keeps the demo seed without options", () => {
    expect(parseSeedArgs([])).toEqual({});
  });

  it("reads a catalogue size, with or without thousands separators, and a seed", () => {
    expect(parseSeedArgs(["--products", "100000"])).toEqual({ products: 100_000 });
    expect(parseSeedArgs(["--products", "100,000", "--seed", "7"])).toEqual({ products: 100_000, seed: 7 });
    expect(parseSeedArgs(["--products", "5_000"])).toEqual({ products: 5_000 });
  });

  it("refuses unknown options, missing or non-numeric values, and a seed alone", () => {
    expect(parseSeedArgs(["--count", "5"])).toHaveProperty("error");
    expect(parseSeedArgs(["--products"])).toHaveProperty("error");
    expect(parseSeedArgs(["--products", "lots"])).toHaveProperty("error");
    expect(parseSeedArgs(["--products", "-5"])).toHaveProperty("error");
    expect(parseSeedArgs(["--products", "1e5"])).toHaveProperty("error");
    expect(parseSeedArgs(["--seed", "3"])).toHaveProperty("error");
  });
});
