export { IdempotentRequest } from './idempotent-request.entity';
export {
  KitIdempotency20261122,
  KitIdempotency20261205,
  KitIdempotencyCommit20261205,
} from './idempotency-migration';
export { IdempotentCommit, IdempotentCommitSubscriber } from './idempotent-commit';
export { idempotencyPlugin, IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_RETENTION } from './idempotency-plugin';
