import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startLocalCloud } from '#infra/local/cloud.ts';

it('refuses a port already taken with a message naming the variable to change, and starts nothing', async () => {
  const squatter = createServer();
  await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
  const taken = (squatter.address() as AddressInfo).port;
  const dataDirectory = mkdtempSync(join(tmpdir(), 'segur-mss-ports-'));
  try {
    await expect(
      startLocalCloud({
        ports: { api: 0, dynamodb: 0, s3: 0, ses: taken, sfn: 0 },
        dataDirectory,
        persist: false,
      }),
    ).rejects.toThrow(
      `Le port ${taken} (SES) est déjà utilisé. Libérez-le ou choisissez-en un autre avec LOCAL_SES_PORT=<port>.`,
    );
  } finally {
    squatter.close();
    rmSync(dataDirectory, { recursive: true, force: true });
  }
});
