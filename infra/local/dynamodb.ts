import type { Server } from 'node:http';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { createTableInput } from '#shared/storage/table.ts';
import { closeServer, listen } from './ports.ts';

/** dynalite: on disk when `path` is set (kept across restarts), in memory otherwise. */
export async function startDynamo(options: { port: number; path?: string }) {
  const server: Server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.path ? { path: options.path } : {}),
  });
  const port = await listen(server, options.port, 'DynamoDB', 'LOCAL_DYNAMODB_PORT');
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => closeServer(server) };
}

export async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'eu-west-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
    await client.send(new CreateTableCommand(createTableInput(tableName)));
    // dynalite answers CreateTable while the table is still CREATING (its ACTIVE write is
    // asynchronous, on disk for `npm start`): a write sent at once can find no table.
    await waitUntilTableExists(
      { client, maxWaitTime: 10, minDelay: 0.05, maxDelay: 0.2 },
      { TableName: tableName },
    );
  } finally {
    client.destroy();
  }
}
