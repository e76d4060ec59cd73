/**
 * `npm run catalogue:update -- <change> [options]`: the operator's command for changes
 * shoppers see, until the seller and operator panels exist. It goes through the same
 * services the panels will use, so every page that shows the change is refreshed on
 * every app server at once.
 *
 *   variant     --sku SKU [--price MINOR_UNITS] [--stock N] [--reason TEXT]
 *   translation --slug SLUG --locale LOCALE --title TEXT --description TEXT
 *   seller      --handle HANDLE --status ACTIVE|SUSPENDED [--reason TEXT]
 *
 * Price, stock and status changes are written to the audit log, with the reason given.
 * Prints the result as JSON; exits 0 when applied, 1 when refused, 2 on a usage error.
 */
import { parseArgs } from "node:util";
import { resolveDatabase } from "@/lib/db/embedded";
import { createPrismaClient } from "@/lib/db/client";
import { changeSellerStatus, changeTranslation, changeVariant, type Actor } from "@/lib/server/catalogue/changes";

const USAGE = "Usage: npm run catalogue:update -- variant --sku SKU [--price MINOR] [--stock N] [--reason R] | translation --slug S --locale L --title T --description D | seller --handle H --status ACTIVE|SUSPENDED [--reason R]";

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      sku: { type: "string" }, price: { type: "string" }, stock: { type: "string" },
      slug: { type: "string" }, locale: { type: "string" }, title: { type: "string" }, description: { type: "string" },
      handle: { type: "string" }, status: { type: "string" }, reason: { type: "string" },
    },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { positionals, values } = parsed;
const change = positionals[0];
if (!change || !["variant", "translation", "seller"].includes(change) || positionals.length > 1) {
  console.error(USAGE);
  process.exit(2);
}

/** A whole number as typed, or the text itself so that validation reports it. */
const integer = (value: string | undefined) => (value === undefined ? undefined : /^-?\d+$/.test(value) ? Number(value) : value);

const actor: Actor = { kind: "system", name: "catalogue:update" };
const db = await resolveDatabase();
const prisma = createPrismaClient(db.url);
try {
  const result =
    change === "variant"
      ? await changeVariant(actor, { sku: values.sku, priceMinor: integer(values.price), stock: integer(values.stock), reason: values.reason }, prisma)
      : change === "translation"
        ? await changeTranslation(actor, { slug: values.slug, locale: values.locale, title: values.title, description: values.description }, prisma)
        : await changeSellerStatus(actor, { handle: values.handle, status: values.status, reason: values.reason }, prisma);
  console.log(JSON.stringify(result));
  process.exitCode = result.ok ? 0 : 1;
} finally {
  await prisma.$disconnect();
  await db.stop();
}
