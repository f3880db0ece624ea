import type { NextConfig } from "next";
// Relative and with its extension: Next.js compiles this file on its own, before the app and its "@/" paths.
import { ACTION_BODY_LIMIT_BYTES, allowedActionOrigins } from "./lib/actions/limits.ts";

const nextConfig: NextConfig = {
  // The dev-server test (tests/integration/dev-server.test.ts) builds into a folder of its own, so that it can run
  // beside a developer's `npm run dev`: Next.js allows one dev server per build folder.
  distDir: process.env.CLAIMDESK_NEXT_DIST_DIR ?? ".next",
  // Native or wasm-heavy server packages are loaded by Node at run time instead of being bundled.
  serverExternalPackages: ["pg", "@node-rs/argon2"],
  typedRoutes: false,
  // Names the framework to anyone probing for its known holes; nothing needs it.
  poweredByHeader: false,
  experimental: {
    // proxy.ts refuses past the same limit and from the same origins, with 413 and 403 instead of Next.js's 500.
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES, allowedOrigins: allowedActionOrigins() },
  },
};

export default nextConfig;
