/** 纠纷类型 as a leader reads them: the governance panel's chart and the alerts' titles. */
export const DISPUTE_KINDS = {
  MARRIAGE_FAMILY: '婚姻家庭',
  NEIGHBOURS: '邻里',
  HOMESTEAD_LAND: '宅基地和土地',
  CONTRACT: '合同',
  DAMAGES: '损害赔偿',
  PROPERTY_MANAGEMENT: '物业',
  LABOUR_WAGES: '劳动争议和欠薪',
  MEDICAL: '医疗',
  LAND_ACQUISITION_DEMOLITION: '征地拆迁',
  OTHER: '其他',
} as const;
