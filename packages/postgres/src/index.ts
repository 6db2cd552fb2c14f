export * from './embedded';
export * from './databases';
export * from './ports';
export * from './postgres-user';
export * from './cluster';
