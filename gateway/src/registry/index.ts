export * from './coordinates';
export * from './usage-recorder';
export * from './supergraph-reload';
export * from './swappable-facts';
