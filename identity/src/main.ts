/** Runs the identity service until SIGINT/SIGTERM (`npm start` starts it beside the API). */
import { ConfigError, loadConfig } from '@fanfare/config';
import { startIdentityServer } from './server.js';

try {
  const identity = await startIdentityServer(loadConfig());
  console.log(`identity ready at ${identity.issuer} (JWKS ${identity.jwksUrl})`);
  const stop = () => void identity.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
