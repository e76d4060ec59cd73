import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ["node_modules/**", ".next/**", ".next-*/**", "screenshots/**", "bench/results/**", "generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    // Playwright fixtures receive a `use` callback that is not React's hook.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // One module owns the payment provider: everything else goes through lib/server/payments (the sandbox and its tests speak to it as clients do).
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["lib/server/payments/**", "sandbox/**", "tests/**", "bench/**", "e2e/**"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "stripe", message: "Only lib/server/payments talks to the payment provider." }] }],
    },
  },
  {
    // The shared shell of browse pages (layouts, header, footer and what they render)
    // must never read the request: one cookie read makes every browse page dynamic.
    // Per-user chrome is a client island (docs/adr/0008).
    files: ["app/layout.tsx", "app/[[]locale]/layout.tsx", "app/[[]locale]/[[]market]/**/*.tsx", "components/layout/**/*.tsx", "components/catalogue/**/*.tsx", "components/product/**/*.tsx", "components/price/**/*.tsx", "components/trade/**/*.tsx", "components/cart/**/*.tsx", "lib/route-params.ts"],
    // The cart page is per buyer by definition (the "market" surface): rendered per request.
    ignores: ["app/[[]locale]/[[]market]/cart/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "next/headers", message: "Browse pages are prerendered: read per-user state in a client island (docs/adr/0008)." },
            { name: "next/server", importNames: ["connection"], message: "Browse pages are prerendered: no request-time APIs in the shared shell." },
            { name: "stripe", message: "Only lib/server/payments talks to the payment provider." },
          ],
        },
      ],
    },
  },
  {
    // The domain layer stays free of framework and I/O.
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "stripe", message: "lib/domain does no I/O." }, { name: "pg", message: "lib/domain does no I/O." }],
          patterns: [
            { group: ["next", "next/*", "react", "react-dom"], message: "lib/domain is framework-free." },
            { group: ["@/generated/*", "@prisma/*"], message: "lib/domain does no I/O." },
            { group: ["node:fs", "node:net", "node:http", "fs", "net", "http"], message: "lib/domain does no I/O." },
          ],
        },
      ],
    },
  },
];

export default config;
