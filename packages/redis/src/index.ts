export * from './binaries';
export * from './embedded';
