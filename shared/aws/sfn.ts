import { SFNClient } from '@aws-sdk/client-sfn';

/** Step Functions client; locally AWS_ENDPOINT_URL_SFN points it at the local endpoint. */
export const sfnClient = new SFNClient({});
