export * from './vocabulary';
export * from './region-code';
export * from './credit-code';
export * from './id-number';
export * from './rollup-period';
export * from './china-day';
export * from './field-rules';
