export * from './test-database';
export * from './statements';
export * from './subgraph';
