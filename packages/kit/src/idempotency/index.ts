export { IdempotentRequest } from './idempotent-request.entity';
export { KitIdempotency20261122 } from './idempotency-migration';
export { idempotencyPlugin, IDEMPOTENCY_KEY_HEADER } from './idempotency-plugin';
