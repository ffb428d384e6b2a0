/** IBAN shown on decisions and dossier views: every character masked but the last four. Pure. */
export function maskIban(iban: string): string {
  const compact = iban.replace(/\s+/g, '').toUpperCase();
  const visible = compact.slice(-4);
  const masked = '*'.repeat(Math.max(compact.length - visible.length, 0)) + visible;
  return masked.replace(/(.{4})(?=.)/g, '$1 ');
}
