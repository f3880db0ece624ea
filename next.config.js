/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native or wasm-heavy server packages are loaded by Node at run time instead of being bundled.
  serverExternalPackages: ["pg", "@node-rs/argon2"],
  typedRoutes: false,
};

export default nextConfig;
