import * as z from 'zod/mini';
import { readEnv } from '../config.ts';

/** The public portal's address, for the links emails carry. */
export const { PORTAL_URL: portalUrl } = readEnv({ PORTAL_URL: z.url() });
