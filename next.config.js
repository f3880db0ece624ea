/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native or wasm-heavy server packages are loaded by Node at run time instead of being bundled.
  serverExternalPackages: ["pg", "@node-rs/argon2", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  typedRoutes: false,
  // Names the framework to anyone probing for its known holes; nothing needs it.
  poweredByHeader: false,
};

export default nextConfig;
