import { spawn } from 'node:child_process';
import { freePort, isPortOpen, waitFor } from '../dev/ports.js';
import { toolPath } from './tools.js';

/** A Mailpit process for one test run: a real SMTP server with a REST API to read what arrived. */
export interface MailpitServer {
  /** `SMTP_URL` for the mailer. */
  smtpUrl: string;
  /** Base of Mailpit's web UI and REST API (`/api/v1/...`). */
  apiBase: string;
  stop(): Promise<void>;
}

/** Starts Mailpit on two free loopback ports, keeping messages in memory, and waits for both. */
export async function startMailpit(): Promise<MailpitServer> {
  const [smtpPort, httpPort] = [await freePort(), await freePort()];
  const child = spawn(
    toolPath('mailpit'),
    ['--smtp', `127.0.0.1:${smtpPort}`, '--listen', `127.0.0.1:${httpPort}`, '--disable-version-check', '--quiet'],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitFor('Mailpit', async () => (await isPortOpen(smtpPort)) && (await isPortOpen(httpPort)), 30_000);
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    apiBase: `http://127.0.0.1:${httpPort}`,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
