import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ApiError } from '../errors/api-error.js';
import { DEV_ISSUER_ALG, type DevIssuer } from './dev-issuer.js';
import { rolesFromClaims, type Principal } from './principal.js';

/** Turns a bearer token into the caller it proves, or throws a 401 ApiError. */
export type TokenVerifier = (token: string) => Promise<Principal>;

/** What a verifier checks tokens against. */
export interface TokenVerifierSettings {
  issuer: string;
  audience: string;
  /** The provider's JWKS (production); ignored when `devIssuer` is given. */
  jwksUrl: string | undefined;
  devIssuer: DevIssuer | undefined;
}

// Small allowance for clock drift between the token's issuer and this machine.
const CLOCK_TOLERANCE_SECONDS = 5;

function invalid(message: string): ApiError {
  return new ApiError(401, 'invalid_token', message);
}

function translate(error: unknown): ApiError {
  if (error instanceof errors.JWTExpired)
    return new ApiError(401, 'token_expired', 'The token has expired; sign in again');
  if (error instanceof errors.JWTClaimValidationFailed)
    return invalid(`The token's "${error.claim}" claim is not accepted`);
  if (error instanceof errors.JWKSTimeout) {
    return new ApiError(503, 'service_unavailable', 'The identity provider did not answer; retry shortly');
  }
  if (error instanceof errors.JOSEError) return invalid('The token could not be verified');
  // Network and JSON failures while fetching the provider's keys: not the caller's fault.
  return new ApiError(503, 'service_unavailable', 'The identity provider could not be reached; retry shortly');
}

/**
 * Verifies signature (against the local issuer's key or the provider's JWKS), issuer, audience,
 * expiry, subject and the presence of at least one Fanfare role.
 */
export function createTokenVerifier(settings: TokenVerifierSettings): TokenVerifier {
  let keys: JWTVerifyGetKey;
  if (settings.devIssuer !== undefined) keys = createLocalJWKSet(settings.devIssuer.jwks());
  else if (settings.jwksUrl !== undefined) keys = createRemoteJWKSet(new URL(settings.jwksUrl));
  else throw new Error('Token verification needs the development issuer or AUTH_JWKS_URL');
  const algorithms = settings.devIssuer === undefined ? undefined : [DEV_ISSUER_ALG];

  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: settings.issuer,
        audience: settings.audience,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        ...(algorithms === undefined ? {} : { algorithms }),
      }));
    } catch (error) {
      throw translate(error);
    }
    const roles = rolesFromClaims(payload);
    if (roles.length === 0) throw invalid('The token grants no Fanfare role');
    return {
      subject: payload.sub ?? '',
      email: typeof payload.email === 'string' ? payload.email : undefined,
      roles,
    };
  };
}
