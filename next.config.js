import { ACTION_BODY_LIMIT_BYTES, UPLOAD_REQUEST_LIMIT_BYTES, allowedActionOrigins } from "./lib/actions/limits.js";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Next.js allows one dev server per build folder: a second `npm run dev` in a checkout (scripts/serve.ts) and the
  // dev-server test build into .next-alt instead.
  distDir: process.env.CLAIMDESK_NEXT_DIST_DIR ?? ".next",
  // Native or wasm-heavy server packages are loaded by Node at run time instead of being bundled.
  serverExternalPackages: ["pg", "pg-boss", "@node-rs/argon2"],
  typedRoutes: false,
  // Names the framework to anyone probing for its known holes; nothing needs it.
  poweredByHeader: false,
  experimental: {
    // proxy.ts refuses past the same limit and from the same origins, with 413 and 403 instead of Next.js's 500.
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES, allowedOrigins: allowedActionOrigins() },
    // Every request passes proxy.ts, which sees only this much of a body (10 MB by default): enough for an import.
    proxyClientMaxBodySize: UPLOAD_REQUEST_LIMIT_BYTES,
  },
};

export default nextConfig;
