/** @type {import('next').NextConfig} */
const nextConfig = {
  // A static site: any static host (or the bundled scripts/serve.mjs) can serve it offline-first.
  output: 'export',
  trailingSlash: true,
  images: { unoptimized: true },
  reactStrictMode: true,
  // `npm run typecheck` checks every file before the build in `npm test`; checking again here only costs time.
  typescript: { ignoreBuildErrors: true },
};

module.exports = nextConfig;
