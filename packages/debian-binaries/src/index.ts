export * from './debian';
export * from './daemon';
export * from './haproxy';
export * from './pgbouncer';
