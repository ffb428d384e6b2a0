/**
 * Security headers of the API (OWASP REST Security Cheat Sheet), the same from the handler
 * wrapper (its httpResponse middleware), the `$default` route function and the local gateway. A
 * few constant headers rather than `@middy/http-security-headers`: that middleware adds 4.5 KiB
 * to every bundle (measured; lookupEnrolmentCompany would pass the 1.25× bar) and sets its CSP on
 * HTML responses only.
 */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
};

/**
 * JSON bodies carry emails, IBANs and tokens: never stored by a cache, never rendered as a page
 * (a CSP that allows nothing, should a browser open one).
 */
export const JSON_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  ...BASE_SECURITY_HEADERS,
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};
