/**
 * The captcha port. Step 2 ("Rechercher") and step 5 ("Terminer") ask the applicant to copy
 * the code shown in an image, or heard in its audio alternative. Two adapters: `local` (offline generator, answers stored hashed
 * in the table) and `captchetat` (the State's CaptchEtat service, in a deployed stack).
 */
export interface CaptchaChallenge {
  id: string;
  /** The image to show: a data URL (`data:image/svg+xml;base64,…` or `data:image/png;base64,…`). */
  image: string;
  expiresInSeconds: number;
  /** Only from the local provider on the local stage: the answer, so automated tests can solve it. */
  localAnswer?: string;
}

export interface CaptchaProvider {
  create(): Promise<CaptchaChallenge>;
  /** True once per challenge: a verified (or failed) challenge cannot be used again. */
  verify(id: string, answer: string): Promise<boolean>;
  /**
   * The audio alternative (RGAA: a person who cannot read the image hears the code), a WAV; does
   * not use the challenge up. Undefined for an unknown, used or expired challenge.
   */
  audio(id: string): Promise<Uint8Array | undefined>;
}
