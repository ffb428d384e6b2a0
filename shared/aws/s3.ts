import { S3Client } from '@aws-sdk/client-s3';
import * as z from 'zod/mini';
import { envFlag, readEnv } from '../config.ts';

const env = readEnv({ BUCKET_NAME: z.string().check(z.minLength(1)), S3_FORCE_PATH_STYLE: envFlag });

export const bucketName = env.BUCKET_NAME;

/** Path-style addressing is only needed by the local emulator (S3_FORCE_PATH_STYLE=true). */
export const s3Client = new S3Client({ forcePathStyle: env.S3_FORCE_PATH_STYLE });

/** The HTTP status of a failed S3 call (404 for NotFound and NoSuchKey alike), if it has one. */
export const s3StatusOf = (error: unknown): number | undefined =>
  (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
