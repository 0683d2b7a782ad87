// @ts-check

// Next's own hydration scripts are inline, so scripts need 'unsafe-inline' (nonces would make every page dynamic);
// everything must still come from this origin, no page may frame Factdeck, and forms post only here.
// Development adds 'unsafe-eval' for React's fast refresh.
const dev = process.env.NODE_ENV !== "production";
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Security headers on every response; the CSP allows only this origin (no fonts or scripts from the internet). */
const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The FSRS optimizer is a native addon (.node) that Turbopack cannot bundle; Node loads it at run time.
  serverExternalPackages: ["@open-spaced-repetition/binding-linux-x64-gnu"],
  // `npm run typecheck` checks the whole project once (npm test runs it first); the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Uploaded documents travel in a server action; the action itself refuses anything over 512 KB with a clear
  // message, so the transport limit sits above that. proxy.ts answers a larger declared body with a 413 first; keep
  // SERVER_ACTION_BODY_LIMIT_BYTES in lib/http.ts equal (lib/http.test.ts checks).
  experimental: { serverActions: { bodySizeLimit: "2mb" } },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

module.exports = nextConfig;
