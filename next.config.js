/** @type {import('next').NextConfig} */
const nextConfig = {
  // The dev-server test (tests/integration/dev-server.test.ts) builds into a folder of its own, so that it can run
  // beside a developer's `npm run dev`: Next.js allows one dev server per build folder.
  distDir: process.env.CLAIMDESK_NEXT_DIST_DIR ?? ".next",
  // Native or wasm-heavy server packages are loaded by Node at run time instead of being bundled.
  serverExternalPackages: ["pg", "@node-rs/argon2"],
  typedRoutes: false,
  // Names the framework to anyone probing for its known holes; nothing needs it.
  poweredByHeader: false,
};

export default nextConfig;
