export { IdempotentRequest } from './idempotent-request.entity';
export { KitIdempotency20261122, KitIdempotency20261205 } from './idempotency-migration';
export { idempotencyPlugin, IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_RETENTION } from './idempotency-plugin';
