import path from "node:path";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// Messages are compiled at build time (ICU parsed once, not on every request).
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

const nextConfig: NextConfig = {
  // Tests build into their own folder so they never overwrite the build `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // The Prisma client runs on the `pg` driver adapter and a WebAssembly query compiler.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  typedRoutes: false,
  // Security headers are set on every response at the HTTP layer, before Next answers
  // anything (lib/server/http/node-guard.ts, installed from instrumentation.ts).
  // Next's page cache, bounded and invalidated across app servers (docs/adr/0009).
  cacheHandler: path.resolve(import.meta.dirname, "lib/cache/incremental-cache-handler.mjs"),
};

export default withNextIntl(nextConfig);
