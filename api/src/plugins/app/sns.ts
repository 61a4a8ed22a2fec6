import fp from 'fastify-plugin';
import { httpsSnsGateway, type SnsGateway } from '../../mail/sns-message.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** How the SES webhook reaches SNS for certificates and subscription confirmations. */
    snsGateway: SnsGateway;
  }
}

/** Decorates `app.snsGateway`: the one given (tests), else HTTPS to Amazon SNS. */
export const snsPlugin = fp<{ gateway?: SnsGateway | undefined }>(
  async (app, { gateway }) => {
    app.decorate('snsGateway', gateway ?? httpsSnsGateway());
  },
  { name: 'fanfare-sns' },
);
