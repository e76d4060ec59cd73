/** The options of `npm run db:seed`: `--products N` (a catalogue of N products in all) and `--seed S`. */
export function parseSeedArgs(argv: readonly string[]): { products?: number; seed?: number } | { error: string } {
  const out: { products?: number; seed?: number } = {};
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i]!;
    if (name !== "--products" && name !== "--seed") return { error: `Unknown option ${name}; use --products <count> [--seed <number>]` };
    const raw = argv[i + 1] ?? "";
    // Thousands separators are allowed: "100,000" and "100_000" read as 100000.
    const value = Number(raw.replace(/[,_]/g, ""));
    if (!/^[\d,_]+$/.test(raw) || !Number.isSafeInteger(value)) return { error: `${name} needs a whole number, got "${raw}"` };
    out[name === "--products" ? "products" : "seed"] = value;
    i++;
  }
  if (out.seed !== undefined && out.products === undefined) return { error: "--seed only applies with --products" };
  return out;
}
