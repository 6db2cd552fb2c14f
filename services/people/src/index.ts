export { peopleSubgraph, peopleEntities } from './subgraph';
export { Region } from './region/region.entity';
export { Organization } from './organization/organization.entity';
export { Person } from './person/person.entity';
