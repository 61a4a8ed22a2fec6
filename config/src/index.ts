export { loadConfig, repoRoot, type FanfareConfig, type FanfareEnv, type BlobConfig } from './config.js';
export { ConfigError, type ConfigProblem, type Env } from './readers.js';
export { DEFAULT_SMTP_URL, type MailConfig, type MailTransportConfig } from './mail-config.js';
export type { IdentityConfig } from './identity-config.js';
