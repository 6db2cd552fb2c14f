import { Gender } from '@county/domain';
import { Random, WeightedPool } from './random';

/*
 * Name pools. Place names are built from syllables: they read like Chinese place names but are invented, and
 * any match with a real place is a coincidence. People's names use common surnames weighted by frequency.
 */

export const DEMO_CITY_NAME = '云澜市';
export const DEMO_COUNTY_NAME = '澄川县';
export const DEMO_PROVINCE_NAME = '瀚岚省';

const CITY_FIRST = [...'临嘉昭宁泰盛怀清澄湘漳沅汀潍淇'];
const CITY_SECOND = [...'州阳安源都江宁'];

const COUNTY_FIRST = [...'岚澜汐泓漪湄沄霁栖枫桐梓槿棠蘅芷苇澹溱瑶'];
const COUNTY_SECOND = [...'川洲原岭泽陵溪浦渚峪'];

const TOWNSHIP_FIRST = [
  ...'青石桃安白黄双平洪桑曲温驼房牛马岳横沙龙凤金银松柏桂柳梅兰竹清永太和丰兴福宁长新古官',
];
const TOWNSHIP_SECOND = [...'湖山埠集河港桥庄岭源泉溪口沟店塘营阳林坡城寨堡墩圩岗湾'];

const VILLAGE_FIRST = [
  ...'王李张刘陈杨赵孙周吴徐朱胡郭何高林罗郑梁宋谢韩唐冯于董萧程曹袁邓许傅沈曾彭',
  ...'前后东西南北大小新老上下中高双三五石柳桃杏梨枣柏松桑荷芦青红金马牛龙凤官古沙洪安太永兴福和',
];
const VILLAGE_SECOND = [...'庄营集寨湖河沟洼湾岭坡岗埠圩桥店楼屯坊园塘山林口滩堰墩头坝铺岔'];

const COMMUNITY_NAMES = (
  '幸福 和平 朝阳 建设 人民 文化 新华 光明 友谊 振兴 滨河 东城 西苑 南关 北关 府前 ' +
  '团结 解放 育才 春晖 锦绣 康乐 花园 龙泉 凤凰 翠屏 阳光 民主 青年 城南 城北 向阳'
).split(' ');

/** Draws names from `generate` until one is not in `taken`, then records it. */
function unique(taken: Set<string>, generate: () => string): string {
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const name = generate();
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  throw new Error('name pool exhausted');
}

/** The name of one of the province's further cities, unique within `taken`. */
export function cityName(random: Random, taken: Set<string>): string {
  return unique(taken, () => `${random.pick(CITY_FIRST)}${random.pick(CITY_SECOND)}市`);
}

export function countyName(random: Random, taken: Set<string>): string {
  return unique(taken, () => `${random.pick(COUNTY_FIRST)}${random.pick(COUNTY_SECOND)}县`);
}

/** A township name without its suffix (镇, 乡 or 街道), unique within `taken`. */
export function townshipName(random: Random, taken: Set<string>): string {
  return unique(taken, () => `${random.pick(TOWNSHIP_FIRST)}${random.pick(TOWNSHIP_SECOND)}`);
}

export function villageName(random: Random, taken: Set<string>): string {
  return unique(taken, () => {
    const first = random.pick(VILLAGE_FIRST);
    const middle = random.chance(0.2) ? '家' : '';
    return `${first}${middle}${random.pick(VILLAGE_SECOND)}村`;
  });
}

export function communityName(random: Random, taken: Set<string>): string {
  return unique(taken, () => `${random.pick(COMMUNITY_NAMES)}社区`);
}

/** Common surnames with rough relative frequencies (per mille of the population). */
const SURNAMES = new WeightedPool<string>(
  (
    '王72 李71 张67 刘54 陈45 杨31 黄22 赵20 吴19 周18 徐13 孙12 马12 朱11 胡10 郭10 何9 高9 ' +
    '林9 罗8 郑8 梁7 谢6 宋6 唐6 许5 韩5 冯5 邓5 曹5 彭5 曾4 肖4 田4 董4 袁4 潘4 于4 蒋4 蔡4 余3 ' +
    '杜3 叶3 程3 苏3 魏3 吕3 丁3 任3 沈3 姚3 卢3 姜3 崔2 钟2 谭2 陆2 汪2 范2 金2 石2 廖2 贾2 夏2 ' +
    '韦2 付2 方2 白2 邹2 孟2 熊2 秦2 邱2 江2 尹2 薛2 闫2 段2 欧阳1 司马0.2 诸葛0.1'
  )
    .split(' ')
    .map((entry) => {
      const [, surname, weight] = /^(\D+)([\d.]+)$/.exec(entry)!;
      return [surname, Number(weight)] as const;
    }),
);

const GIVEN: Record<Gender, string[]> = {
  [Gender.MALE]: [...'伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林东峰建国志文海晨博亮成栋'],
  [Gender.FEMALE]: [...'芳娜敏静丽艳娟霞秀燕玲桂兰英红梅琳慧莉倩婷雪颖洁佳琴云萍丹蕾薇晶月玉珍彤悦瑶'],
};
const GIVEN_ANY = [...'晓子思嘉文雨春秋立永正一新明海清小'];

export function personName(random: Random, gender: Gender): string {
  const surname = SURNAMES.pick(random);
  const own = GIVEN[gender];
  if (random.chance(0.3)) return surname + random.pick(own);
  const first = random.chance(0.4) ? random.pick(GIVEN_ANY) : random.pick(own);
  return surname + first + random.pick(own);
}
