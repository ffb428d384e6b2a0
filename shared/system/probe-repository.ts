/** The health probe's target: keys.healthProbe(), a fixed item (absent or not, a read answers). */
import * as keys from '../storage/keys.ts';
import { getItem } from '../storage/store.ts';

/** One eventually consistent read. */
export const readHealthProbe = () => getItem(keys.healthProbe(), { consistent: false });
