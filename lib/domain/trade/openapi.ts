/**
 * The OpenAPI 3.1 document for POST /api/v1/landed-cost, generated from the same zod
 * schemas that validate requests and describe responses, so the two cannot drift.
 */
import { z } from "zod";
import { itemSchema, landedCostRequestSchema, moneySchema, parcelSchema } from "./api-schema";
import {
  lineQuoteSchema,
  parcelQuoteSchema,
  payloadTooLargeResponseSchema,
  quoteErrorResponseSchema,
  quoteMoneySchema,
  quoteResponseSchema,
  rateLimitedResponseSchema,
  unsupportedMediaTypeResponseSchema,
  validationErrorResponseSchema,
} from "./api-response";

type JsonSchema = Record<string, unknown>;
type Meta = { id: string };

const COMPONENTS = "#/components/schemas/";

function components(entries: [z.ZodType, string][], io: "input" | "output"): Record<string, JsonSchema> {
  const registry = z.registry<Meta>();
  for (const [schema, id] of entries) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { io, uri: (id) => `${COMPONENTS}${id}`, unrepresentable: "any" });
  // Components live inside the OpenAPI document: drop each one's own $schema and $id.
  const entriesWithoutIds = Object.entries(schemas).map(([id, schema]) => {
    const component: JsonSchema = { ...(schema as JsonSchema) };
    delete component.$schema;
    delete component.$id;
    return [id, component] as const;
  });
  return Object.fromEntries(entriesWithoutIds);
}

function ref(id: string): JsonSchema {
  return { $ref: `${COMPONENTS}${id}` };
}

function jsonContent(id: string): JsonSchema {
  return { "application/json": { schema: ref(id) } };
}

/** The request the documentation shows (and the tests send). */
export const LANDED_COST_EXAMPLE_REQUEST = {
  destination: "DE",
  date: "2026-08-01",
  currency: "EUR",
  parcels: [
    {
      origin: "JP",
      shipping: { amountMinor: 1500, currency: "JPY" },
      items: [{ hsCode: "090210", kind: "physical", quantity: 2, unitPrice: { amountMinor: 2000, currency: "JPY" } }],
    },
  ],
};

/** Rate-limit headers (IETF draft "RateLimit header fields for HTTP") on every answer. */
const RATE_LIMIT_HEADERS = {
  "RateLimit-Policy": {
    description: 'The client\'s quota: `"api";q=<requests>;w=<seconds>` (default 120 per 60 s)',
    schema: { type: "string", examples: ['"api";q=120;w=60'] },
  },
  RateLimit: {
    description: 'What is left: `"api";r=<remaining>;t=<seconds until the window resets>`',
    schema: { type: "string", examples: ['"api";r=119;t=60'] },
  },
};

function withHeaders(response: JsonSchema, extra: JsonSchema = {}): JsonSchema {
  return { ...response, headers: { ...RATE_LIMIT_HEADERS, ...extra } };
}

/** The OpenAPI 3.1 document object for the landed-cost endpoint. */
export function landedCostOpenApiDocument(): JsonSchema {
  const schemas = {
    ...components(
      [[moneySchema, "MoneyInput"], [itemSchema, "LandedCostItem"], [parcelSchema, "LandedCostParcel"], [landedCostRequestSchema, "LandedCostRequest"]],
      "input",
    ),
    ...components(
      [
        [quoteMoneySchema, "Money"],
        [lineQuoteSchema, "LineQuote"],
        [parcelQuoteSchema, "ParcelQuote"],
        [quoteResponseSchema, "LandedCostQuote"],
        [validationErrorResponseSchema, "ValidationError"],
        [quoteErrorResponseSchema, "QuoteRejected"],
        [payloadTooLargeResponseSchema, "PayloadTooLarge"],
        [unsupportedMediaTypeResponseSchema, "UnsupportedMediaType"],
        [rateLimitedResponseSchema, "RateLimited"],
      ],
      "output",
    ),
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Caravan landed-cost API",
      version: "1.0.0",
      description:
        "Prices a cart shipped to one destination: goods, shipping, customs duty, VAT/GST and fees per seller parcel, with the import regime, incoterm, FX rates and rule versions applied. Amounts are integer minor units.",
    },
    paths: {
      "/api/v1/landed-cost": {
        post: {
          operationId: "quoteLandedCost",
          summary: "Quote the landed cost of a cart",
          requestBody: { required: true, content: { "application/json": { schema: ref("LandedCostRequest"), example: LANDED_COST_EXAMPLE_REQUEST } } },
          responses: {
            "200": withHeaders({ description: "The quote", content: jsonContent("LandedCostQuote") }),
            "400": withHeaders({
              description: "Invalid request: not JSON (INVALID_JSON at the root), or one issue per problem, each with its field path and code (at most 50)",
              content: jsonContent("ValidationError"),
            }),
            "413": withHeaders({ description: "Body larger than the limit (64 KiB unless configured otherwise)", content: jsonContent("PayloadTooLarge") }),
            "415": withHeaders({ description: "Body not sent as application/json (a charset parameter must say UTF-8)", content: jsonContent("UnsupportedMediaType") }),
            "422": withHeaders({ description: "Valid request the rules cannot price (evidence conflict, no rule in effect, missing FX rate, amounts too large)", content: jsonContent("QuoteRejected") }),
            "429": withHeaders(
              { description: "Too many requests from this client in the current window", content: jsonContent("RateLimited") },
              { "Retry-After": { description: "Seconds until the window resets", schema: { type: "integer", minimum: 1 } } },
            ),
          },
        },
      },
    },
    components: { schemas },
  };
}
