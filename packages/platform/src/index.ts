export * from './registry';
export * from './trust';
export * from './paths';
export * from './processes';
export * from './deployment/deployment-files';
export * from './deployment/database-servers';
