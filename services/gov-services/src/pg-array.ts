export { pgArray } from '@county/kit';
