import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  // Tests build into their own folder so they never overwrite the build `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // The Prisma client runs on the `pg` driver adapter and a WebAssembly query compiler.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
