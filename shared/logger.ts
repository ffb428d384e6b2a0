import { Logger } from '@aws-lambda-powertools/logger';

/**
 * Structured JSON logger. Rule: log identifiers, codes and counts only, never personal data
 * (IBAN, identity documents, email addresses, passwords, tokens, names). Request bodies and
 * headers are never logged.
 */
export const logger = new Logger({ serviceName: process.env.SERVICE_NAME ?? 'segur-mss' });
