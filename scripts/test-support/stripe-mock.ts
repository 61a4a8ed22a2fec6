import { spawn } from 'node:child_process';
import { freePort, isPortOpen, waitFor } from '../dev/ports.js';
import { toolPath } from './tools.js';

/** A stripe-mock process for one test run. */
export interface StripeMockServer {
  /** Base URL to give the `stripe` SDK (host, port, protocol). */
  apiBase: string;
  stop(): Promise<void>;
}

/** Starts stripe-mock on a free loopback port and waits until it accepts connections. */
export async function startStripeMock(): Promise<StripeMockServer> {
  const port = await freePort();
  const child = spawn(toolPath('stripe-mock'), ['-http-addr', `127.0.0.1:${port}`, '-https-addr', '127.0.0.1:'], {
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitFor('stripe-mock', () => isPortOpen(port), 30_000);
  return {
    apiBase: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
