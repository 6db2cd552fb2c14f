export { SharedState, type SharedStateOptions, type SharedUse } from './shared-state';
