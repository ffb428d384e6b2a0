/**
 * Enrolment request numbers, shape `ENR0011M0` as the guide's confirmation shows it. Reading
 * used here: `ENR` + the atomic counter zero-padded to 4 digits (more digits past 9999, never
 * truncated) + `M` (the couloir, MSS opérateur, the only one this portal serves) + a control
 * key: the counter modulo 11, 10 written as 0 — the guide's ENR0011M0 satisfies it (11 mod 11 =
 * 0), and it catches a mistyped digit when the number is read over the phone to the support.
 */
export const controlKey = (counter: number): number => (counter % 11) % 10;

export const formatEnrolmentNumber = (counter: number): string =>
  `ENR${String(counter).padStart(4, '0')}M${controlKey(counter)}`;
