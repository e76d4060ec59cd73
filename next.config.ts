import path from "node:path";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { HSTS, securityHeaders } from "./lib/security-headers";

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
  // Next's page cache, bounded and invalidated across app servers (docs/adr/0009).
  cacheHandler: path.resolve(import.meta.dirname, "lib/cache/incremental-cache-handler.mjs"),
  async headers() {
    const development = process.env.NODE_ENV === "development";
    return [
      { source: "/:path*", headers: securityHeaders({ development }) },
      // HSTS only when the request reached us over HTTPS (directly or through a proxy that says so).
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [HSTS],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
