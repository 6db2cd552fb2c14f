export * from './keys';
export * from './caller-token';
