import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ["node_modules/**", ".next/**", ".next-e2e/**", ".next-bench/**", "screenshots/**", "bench/results/**", "generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    // Playwright fixtures receive a `use` callback that is not React's hook.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
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
