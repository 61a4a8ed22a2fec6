/** Values the global setup hands to every test file through `inject()`. */
declare module 'vitest' {
  export interface ProvidedContext {
    /** A freshly migrated scratch database, dropped after the run. */
    databaseUrl: string;
    /** URL of the `postgres` database on the server holding it, for tests that make databases of their own. */
    databaseServerUrl: string;
    /** `host:port` of the Temporal dev server started for this run. */
    temporalAddress: string;
    /** Namespace on that server. */
    temporalNamespace: string;
    /** Base URL of the stripe-mock started for this run (`STRIPE_API_BASE`). */
    stripeApiBase: string;
    /** `SMTP_URL` of the Mailpit started for this run. */
    smtpUrl: string;
    /** Base of that Mailpit's REST API, to read what was sent. */
    mailpitApiBase: string;
  }
}
export {};
