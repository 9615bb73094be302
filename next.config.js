/** @type {import('next').NextConfig} */
const nextConfig = {
  // A static site: any static host (or the bundled scripts/serve.mjs) can serve it offline-first.
  output: 'export',
  trailingSlash: true,
  images: { unoptimized: true },
  reactStrictMode: true,
};

module.exports = nextConfig;
