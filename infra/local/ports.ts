import { createServer, type Server } from 'node:http';

export class PortInUseError extends Error {
  constructor(service: string, port: number, variable: string) {
    super(
      `Le port ${port} (${service}) est déjà utilisé. Libérez-le ou choisissez-en un autre avec ${variable}=<port>.`,
    );
    this.name = 'PortInUseError';
  }
}

/** Listens on 127.0.0.1; port 0 picks a free port. A taken port becomes a clear error. */
export function listen(server: Server, port: number, service: string, variable: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(service, port, variable) : error);
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Checks a port can be bound, for emulators whose own listen() does not report errors. */
export async function reservePort(port: number, service: string, variable: string): Promise<number> {
  const probe = createServer();
  const bound = await listen(probe, port, service, variable);
  await new Promise((resolve) => probe.close(resolve));
  return bound;
}

export const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
