export * from './compose';
export * from './config';
export * from './gateway';
export * from './supergraph';
export * from './tokens';
export * from './data-source';
export * from './registry';
