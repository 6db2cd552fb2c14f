export { ResponseCache, type ResponseCacheOptions } from './response-cache';
export { OperationFacts } from './operation-facts';
export { audienceOf, responseKey } from './response-key';
