export { COCKPIT_CSP, COCKPIT_PATH, COCKPIT_PUBLIC_DIR, createCockpitHandler, serveCockpit } from './serve';
export type { CockpitHandler } from './serve';
export { DOMAINS, DOMAIN_KEYS, isDomainKey } from './domains';
export type { CockpitDomain, DomainKey } from './domains';
