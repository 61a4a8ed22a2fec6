import type { Adapter, AdapterPayload } from 'oidc-provider';
import { forPlatform, OidcPayload, type EntityManager } from '@fanfare/db';

const epoch = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * oidc-provider's storage in PostgreSQL (`oidc_payloads`): sessions, grants, codes and refresh
 * tokens outlive a restart and are shared by every instance. Expired rows read as absent;
 * revoking a grant deletes every token issued under it.
 */
export class PostgresAdapter implements Adapter {
  constructor(
    private readonly model: string,
    private readonly em: EntityManager,
  ) {}

  private db(): EntityManager {
    return forPlatform(this.em);
  }

  private async first(
    where: Partial<Pick<OidcPayload, 'id' | 'uid' | 'userCode'>>,
  ): Promise<AdapterPayload | undefined> {
    const row = await this.db().findOne(OidcPayload, {
      model: this.model,
      ...where,
      $or: [{ expiresAt: null }, { expiresAt: { $gt: new Date() } }],
    });
    if (row === null) return undefined;
    return { ...row.payload, ...(row.consumedAt == null ? {} : { consumed: epoch(row.consumedAt) }) } as AdapterPayload;
  }

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    await this.db().upsert(OidcPayload, {
      model: this.model,
      id,
      payload: payload as Record<string, unknown>,
      grantId: payload.grantId ?? null,
      uid: payload.uid ?? null,
      userCode: payload.userCode ?? null,
      expiresAt: expiresIn > 0 ? new Date(Date.now() + expiresIn * 1000) : null,
      consumedAt: null,
    });
  }

  find(id: string): Promise<AdapterPayload | undefined> {
    return this.first({ id });
  }

  findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return this.first({ uid });
  }

  findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return this.first({ userCode });
  }

  async consume(id: string): Promise<void> {
    await this.db().nativeUpdate(OidcPayload, { model: this.model, id }, { consumedAt: new Date() });
  }

  async destroy(id: string): Promise<void> {
    await this.db().nativeDelete(OidcPayload, { model: this.model, id });
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await this.db().nativeDelete(OidcPayload, { grantId });
  }
}
