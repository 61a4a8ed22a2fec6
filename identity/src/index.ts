export { startIdentityServer, type IdentityServer, type IdentityServerOptions } from './server.js';
export { createProvider, WEB_CLIENT_ID, API_SCOPE, type ProviderSettings } from './provider.js';
export { SignInCodes, WindowLimiter, ATTEMPTS_PER_CODE, type CodeRefusal } from './sign-in-codes.js';
