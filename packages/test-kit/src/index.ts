export * from './test-database';
export * from './statements';
export * from './subgraph';
export * from './gateway';
export * from './probe-subgraph';
export * from './clock';
export * from './keys';
