export { ResponseCache, type ResponseCacheOptions } from './response-cache';
export { OperationFacts, fieldOwners } from './operation-facts';
export { audienceOf, responseKey } from './response-key';
