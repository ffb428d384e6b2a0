import { SESClient } from '@aws-sdk/client-ses';

/** SES v1 client; locally AWS_ENDPOINT_URL_SES points it at the emulator. */
export const sesClient = new SESClient({});
