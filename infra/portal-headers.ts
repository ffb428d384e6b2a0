/**
 * The portal's security headers, one definition for CloudFront's response headers policy
 * (infra/portal-hosting.ts) and the local portal server (infra/local/portal.ts), so that the
 * browser tests run the built app under the very policy deployed.
 */

/** HSTS for two years (the value HSTS preload lists ask for), subdomains included. */
export const HSTS_MAX_AGE_SECONDS = 63_072_000;

export const REFERRER_POLICY = 'strict-origin-when-cross-origin';

/**
 * No inline script and nothing from a CDN: the DSFR's CSS, fonts and icons are bundled by Vite.
 * `uploadOrigins`: where the browser posts files (the documents bucket's presigned POST).
 */
export function contentSecurityPolicy(uploadOrigins: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // DSFR components set a few inline style attributes.
    "style-src 'self' 'unsafe-inline'",
    // The captcha image is a data URL.
    "img-src 'self' data:",
    // The captcha's audio alternative is played from a blob URL (fetched through the API client).
    "media-src 'self' blob:",
    "font-src 'self'",
    `connect-src 'self' ${uploadOrigins}`.trim(),
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** The headers the local portal sends (HSTS only makes sense over HTTPS, so CloudFront alone adds it). */
export function portalSecurityHeaders(uploadOrigins: string): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(uploadOrigins),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': REFERRER_POLICY,
  };
}
