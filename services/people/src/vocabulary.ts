import { registerEnumType } from 'type-graphql';
import '@county/kit';
import { Gender, OrganizationType, PersonRole, RegionLevel } from '@county/domain';

// RegionLevel is registered by @county/kit (directory-stubs.ts): the region copies share it

registerEnumType(OrganizationType, {
  name: 'OrganizationType',
  description: '单位类型 — the kind of a public organisation',
  valuesConfig: {
    PARTY_COMMITTEE: { description: '党委' },
    PEOPLES_CONGRESS: { description: '人大' },
    GOVERNMENT: { description: '人民政府' },
    GOVERNMENT_DEPARTMENT: { description: '政府工作部门' },
    PARTY_DEPARTMENT: { description: '党委工作部门' },
    TOWNSHIP_GOVERNMENT: { description: '乡镇政府/街道办事处' },
    VILLAGE_COMMITTEE: { description: '村民委员会' },
    COMMUNITY_COMMITTEE: { description: '居民委员会' },
    PUBLIC_INSTITUTION: { description: '事业单位' },
    MEDIATION_COMMITTEE: { description: '人民调解委员会' },
    SERVICE_CENTER: { description: '政务服务中心' },
  },
});

registerEnumType(PersonRole, {
  name: 'PersonRole',
  description: '人员角色 — a role a person plays; a person may hold several',
  valuesConfig: {
    CADRE: { description: '干部' },
    COUNTY_LEADER: { description: '县领导' },
    COMMUNITY_WORKER: { description: '社区工作者' },
    GRID_WORKER: { description: '网格员' },
    MEDIATOR: { description: '调解员' },
    PROXY_AGENT: { description: '代办员' },
    VILLAGE_CADRE: { description: '村干部' },
  },
});

registerEnumType(Gender, { name: 'Gender', description: '性别 — gender as in the citizen ID number' });

export { Gender, OrganizationType, PersonRole, RegionLevel };
