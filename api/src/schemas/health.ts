import { Type } from 'typebox';

const DependencyCheck = Type.Object({
  status: Type.Union([Type.Literal('up'), Type.Literal('down')]),
  latencyMs: Type.Integer({ minimum: 0 }),
  reason: Type.Optional(Type.String()),
});

/** `GET /v1/health`: 200 when every dependency answers, 503 naming the one that does not. */
export const HealthResponse = Type.Object(
  {
    status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
    checks: Type.Object({ db: DependencyCheck, temporal: DependencyCheck }),
  },
  { title: 'Health' },
);
