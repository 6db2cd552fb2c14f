import { registerEnumType } from 'type-graphql';

/** 闲置资产类别 — what a merge left idle, as the county's 腾退资产 ledger sorts it. */
export enum IdleAssetKind {
  /** 五站五所: the stations and offices of a township (农技站、文化站、计生站、畜牧站、林业站 …). */
  STATION = 'STATION',
  /** 党政办公用房: the township's or village's office building. */
  OFFICE_BUILDING = 'OFFICE_BUILDING',
  /** 附属房屋: canteens, dormitories, garages beside an office. */
  ANCILLARY_BUILDING = 'ANCILLARY_BUILDING',
  /** 闲置校舍: a school building left by a school merged away. */
  SCHOOL_BUILDING = 'SCHOOL_BUILDING',
  /** 土地: land without a building. */
  LAND = 'LAND',
  OTHER = 'OTHER',
}

/** 处置方式 — how an idle asset was put to use or let go. */
export enum DisposalMethod {
  /** 调剂使用/盘活利用: reused by another public body (e.g. as a 便民服务站). */
  REUSE = 'REUSE',
  /** 出租: leased out. */
  LEASE = 'LEASE',
  /** 公开拍卖: sold at public auction. */
  AUCTION = 'AUCTION',
  /** 划转: moved to another holder, e.g. into a county state-owned company as registered capital. */
  TRANSFER = 'TRANSFER',
}

/** 公共服务设施类别 — the facilities a merge restructures. */
export enum FacilityKind {
  /** 学校: a primary or middle school. */
  SCHOOL = 'SCHOOL',
  /** 卫生院: a township health centre. */
  CLINIC = 'CLINIC',
  /** 养老机构: an elderly-care home or centre (敬老院). */
  ELDERLY_CARE = 'ELDERLY_CARE',
}

/** 调整结果 — what became of a facility after the merge. */
export enum FacilityOutcome {
  /** 保留: kept as it was. */
  KEPT = 'KEPT',
  /** 撤并: merged into another facility. */
  MERGED = 'MERGED',
  /** 转型: converted (a health centre into a branch, a home into a regional elderly-care centre). */
  CONVERTED = 'CONVERTED',
}

registerEnumType(IdleAssetKind, {
  name: 'IdleAssetKind',
  description:
    '闲置资产类别 — STATION 五站五所, OFFICE_BUILDING 党政办公用房, ANCILLARY_BUILDING 附属房屋, SCHOOL_BUILDING 闲置校舍, LAND 土地',
});
registerEnumType(DisposalMethod, {
  name: 'DisposalMethod',
  description:
    '处置方式 — REUSE 调剂使用/盘活利用, LEASE 出租, AUCTION 公开拍卖, TRANSFER 划转 (e.g. into a state-owned company)',
});
registerEnumType(FacilityKind, {
  name: 'FacilityKind',
  description: '公共服务设施 — SCHOOL 学校, CLINIC 卫生院, ELDERLY_CARE 养老机构',
});
registerEnumType(FacilityOutcome, {
  name: 'FacilityOutcome',
  description: '调整结果 — KEPT 保留, MERGED 撤并, CONVERTED 转型',
});
