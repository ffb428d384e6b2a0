import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * What S3 checks on a browser upload (POST Object with a SigV4 policy) and s3rver does not:
 * the signature fields, the policy's signature and expiry, every condition (exact key, exact
 * Content-Type, tagging, content-length-range) and no field outside the policy. The local S3
 * runs this in front of s3rver, so an upload refused on AWS is refused locally, with S3's status
 * and error code. https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html
 */
export interface S3ErrorReply {
  status: number;
  code: string;
  message: string;
  details?: Record<string, string | number>;
}

export interface PostUpload {
  bucket: string;
  /** Form fields before the file, in order (S3 ignores those after it). */
  fields: [string, string][];
  /** Size of the file part; undefined when the form has none. */
  fileSize: number | undefined;
}

type Condition = Record<string, string> | [string, string | number, string | number];

const SIGNATURE_FIELDS = ['x-amz-algorithm', 'x-amz-credential', 'x-amz-date', 'x-amz-signature'];
/** Fields a policy need not list (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html). */
const UNLISTED_FIELDS = new Set(['policy', 'x-amz-signature', 'file']);

const denied = (message: string): S3ErrorReply => ({ status: 403, code: 'AccessDenied', message });
const invalidArgument = (message: string): S3ErrorReply => ({
  status: 400,
  code: 'InvalidArgument',
  message,
});
const policyFailure = (why: string) => denied(`Invalid according to Policy: ${why}`);

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

/** SigV4 of a POST policy: the policy's base64 text signed with the scope's derived key. */
export function signPolicy(policyBase64: string, secretAccessKey: string, credential: string): string {
  const [, date = '', region = '', service = ''] = credential.split('/');
  const key = [date, region, service, 'aws4_request'].reduce<Buffer | string>(
    (derived, part) => hmac(derived, part),
    `AWS4${secretAccessKey}`,
  );
  return hmac(key, policyBase64).toString('hex');
}

function parsePolicy(policyBase64: string): { expiration: string; conditions: Condition[] } | undefined {
  try {
    const policy = JSON.parse(Buffer.from(policyBase64, 'base64').toString('utf8'));
    if (typeof policy?.expiration !== 'string' || !Array.isArray(policy.conditions)) return undefined;
    return policy;
  } catch {
    return undefined;
  }
}

/** The failed condition in S3's words, or undefined when every condition holds. */
function failedCondition(
  conditions: Condition[],
  values: Map<string, string>,
  fileSize: number,
): S3ErrorReply | undefined {
  for (const condition of conditions) {
    if (!Array.isArray(condition)) {
      for (const [name, expected] of Object.entries(condition))
        if (values.get(name.toLowerCase()) !== expected)
          return policyFailure(`Policy Condition failed: ["eq", "$${name}", "${expected}"]`);
      continue;
    }
    const [operator, first, second] = condition;
    if (String(operator).toLowerCase() === 'content-length-range') {
      const [min, max] = [Number(first), Number(second)];
      if (fileSize > max)
        return {
          status: 400,
          code: 'EntityTooLarge',
          message: 'Your proposed upload exceeds the maximum allowed size',
          details: { ProposedSize: fileSize, MaxSizeAllowed: max },
        };
      if (fileSize < min)
        return {
          status: 400,
          code: 'EntityTooSmall',
          message: 'Your proposed upload is smaller than the minimum allowed size',
          details: { ProposedSize: fileSize, MinSizeAllowed: min },
        };
      continue;
    }
    const name = String(first).replace(/^\$/, '').toLowerCase();
    const actual = values.get(name) ?? '';
    const holds =
      operator === 'eq' ? actual === second : operator === 'starts-with' && actual.startsWith(String(second));
    if (!holds)
      return policyFailure(`Policy Condition failed: ["${operator}", "${first}", "${String(second)}"]`);
  }
  return undefined;
}

/** The field names the policy's conditions cover (the bucket is checked apart, not sent as a field). */
function coveredFields(conditions: Condition[]): Set<string> {
  const names = new Set<string>();
  for (const condition of conditions) {
    if (Array.isArray(condition)) names.add(String(condition[1]).replace(/^\$/, '').toLowerCase());
    else for (const name of Object.keys(condition)) names.add(name.toLowerCase());
  }
  return names;
}

/** Undefined when S3 would accept the upload, else the error S3 answers. */
export function checkPostUpload(
  upload: PostUpload,
  credentials: { accessKeyId: string; secretAccessKey: string },
  now = new Date(),
): S3ErrorReply | undefined {
  const values = new Map(upload.fields.map(([name, value]) => [name.toLowerCase(), value]));
  if (!values.has('key'))
    return invalidArgument(
      "Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the fields.",
    );
  const policyBase64 = values.get('policy');
  if (policyBase64 === undefined) return denied('Access Denied');
  for (const field of SIGNATURE_FIELDS)
    if (!values.has(field))
      return invalidArgument(
        `Bucket POST must contain a field named '${field}'.  If it is specified, please check the order of the fields.`,
      );
  if (upload.fileSize === undefined)
    return invalidArgument('POST requires exactly one file upload per request.');
  const credential = values.get('x-amz-credential') ?? '';
  if (values.get('x-amz-algorithm') !== 'AWS4-HMAC-SHA256')
    return invalidArgument('Only AWS4-HMAC-SHA256 is supported for X-Amz-Algorithm.');
  if (credential.split('/')[0] !== credentials.accessKeyId)
    return {
      status: 403,
      code: 'InvalidAccessKeyId',
      message: 'The AWS Access Key Id you provided does not exist in our records.',
    };
  const expected = Buffer.from(signPolicy(policyBase64, credentials.secretAccessKey, credential));
  const given = Buffer.from(values.get('x-amz-signature') ?? '');
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return {
      status: 403,
      code: 'SignatureDoesNotMatch',
      message:
        'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    };
  const policy = parsePolicy(policyBase64);
  if (!policy)
    return { status: 400, code: 'InvalidPolicyDocument', message: 'Invalid Policy: Invalid JSON.' };
  if (!(Date.parse(policy.expiration) > now.getTime())) return policyFailure('Policy expired.');
  const covered = coveredFields(policy.conditions);
  const extra = [...values.keys()].filter(
    (name) => !UNLISTED_FIELDS.has(name) && !name.startsWith('x-ignore-') && !covered.has(name),
  );
  if (extra.length > 0) return policyFailure(`Extra input fields: ${extra.join(', ')}`);
  return failedCondition(policy.conditions, new Map([...values, ['bucket', upload.bucket]]), upload.fileSize);
}

/** Text content: only `&`, `<` and `>` need escaping. */
const escapeXml = (text: string) =>
  text.replace(/[<>&]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[char] as string);

/** S3's error document. */
export function s3ErrorXml(error: S3ErrorReply, requestId: string): string {
  const details = Object.entries(error.details ?? {})
    .map(([name, value]) => `<${name}>${escapeXml(String(value))}</${name}>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${error.code}</Code><Message>${escapeXml(error.message)}</Message>${details}<RequestId>${requestId}</RequestId></Error>`;
}
