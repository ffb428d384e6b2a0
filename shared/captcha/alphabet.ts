/** Without look-alike characters (0/O, 1/l/I), lower case: the guide's sample is `bw72x`. */
export const CAPTCHA_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
