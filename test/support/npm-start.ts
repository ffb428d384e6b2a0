import { type ChildProcess, spawn } from 'node:child_process';
import { REPOSITORY_ROOT } from '#infra/local/cloud.ts';

export interface NpmStart {
  child: ChildProcess;
  output: () => string;
  api: string;
  mailbox: string;
  dynamodb: string;
  /** Sends Ctrl-C to `npm start` and resolves with how it exited. */
  interrupt: () => Promise<[number | null, string | null]>;
  /** Kills it if still running (test teardown). */
  kill: () => void;
}

/** Spawns `npm start` as a user would, on free ports, with its data in `dataDirectory`; waits for its banner. */
export async function npmStart(dataDirectory: string): Promise<NpmStart> {
  const child = spawn('npm', ['start'], {
    cwd: REPOSITORY_ROOT,
    detached: true,
    env: {
      ...process.env,
      PORT: '0',
      LOCAL_DYNAMODB_PORT: '0',
      LOCAL_S3_PORT: '0',
      LOCAL_SES_PORT: '0',
      LOCAL_SFN_PORT: '0',
      LOCAL_DATA_DIR: dataDirectory,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const deadline = Date.now() + 30_000;
  while (!/Ctrl-C/.test(output) && child.exitCode === null && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const url = (pattern: RegExp) => {
    const found = pattern.exec(output)?.[1];
    if (!found) throw new Error(`npm start did not print its URLs:\n${output}`);
    return found;
  };
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    child,
    output: () => output,
    api: url(/API\s+(http:\/\/127\.0\.0\.1:\d+)/),
    mailbox: url(/Boîte aux lettres\s+(http:\/\/127\.0\.0\.1:\d+)/),
    dynamodb: url(/DynamoDB (http:\/\/127\.0\.0\.1:\d+)/),
    interrupt: () => {
      const exited = new Promise<[number | null, string | null]>((resolve) =>
        child.once('exit', (code, signal) => resolve([code, signal])),
      );
      if (child.pid) process.kill(-child.pid, 'SIGINT');
      return exited;
    },
    kill: () => {
      if (running() && child.pid) process.kill(-child.pid, 'SIGKILL');
    },
  };
}
