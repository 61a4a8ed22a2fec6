export { loadConfig, repoRoot, type FanfareConfig, type FanfareEnv, type BlobConfig } from './config.js';
export { ConfigError, type ConfigProblem, type Env } from './readers.js';
