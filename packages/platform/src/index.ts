export * from './registry';
export * from './trust';
