export { ResponseCache, type ResponseCacheOptions } from './response-cache';
export { audienceOf, responseKey } from './response-key';
