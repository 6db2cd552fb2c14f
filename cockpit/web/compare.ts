import { axisStyle, createChart } from './charts';
import { el } from './dom';
import type { ChildFigures, MapFigure, OwnFigures } from './figures';

export interface Ranking {
  figure: MapFigure | undefined;
  regions: readonly ChildFigures[];
  /** The region shown, whose own figure (from the graph) is the reference line. */
  own: OwnFigures & { name: string };
  unavailable?: string;
}

const SHOWN = 10;

/**
 * 对比: the regions below side by side on the chosen figure, sorted (worst first, or the other way round),
 * with the region's own figure from the graph as the reference. A click on a bar calls `onPick`.
 */
export function comparison(parent: HTMLElement, scale: number, onPick: (code: string) => void) {
  const bar = el(parent, 'div', 'compare-bar');
  const title = el(bar, 'span', 'compare-title', '');
  const toggle = el(bar, 'button', 'sort', '');
  toggle.type = 'button';
  const host = el(parent, 'div', 'chart');
  host.dataset.chart = 'ranking';
  const reference = el(parent, 'p', 'caption', '');
  const chart = createChart(host, scale);
  let worstFirst = true;
  let last: Ranking | undefined;
  let codes: string[] = [];
  let values: number[] = [];

  chart.on('click', (event) => {
    const code = codes[event.dataIndex];
    if (event.componentType === 'series' && code) onPick(code);
  });
  // where each bar is (its middle, in the host's pixels): for tests and tools, as the map's data-points
  chart.on('finished', () => {
    const points: Record<string, number[]> = {};
    codes.forEach((code, i) => {
      const pixel = chart.convertToPixel({ seriesIndex: 0 }, [values[i] / 2, i]);
      if (Array.isArray(pixel)) points[code] = pixel.map(Math.round);
    });
    host.dataset.points = JSON.stringify(points);
  });
  toggle.addEventListener('click', () => {
    worstFirst = !worstFirst;
    if (last) show(last);
  });

  function show(ranking: Ranking) {
    last = ranking;
    const { figure, regions, own, unavailable } = ranking;
    toggle.textContent = worstFirst ? '最差在前 ⇅' : '最好在前 ⇅';
    toggle.dataset.sort = worstFirst ? 'worst-first' : 'best-first';
    if (!figure || unavailable) {
      title.textContent = figure ? `${figure.label}排名：${unavailable ?? ''}` : '排名：无可用指标';
      codes = [];
      host.dataset.order = '';
      chart.setOption({ series: [] }, { replaceMerge: ['series'] });
      reference.textContent = '';
      return;
    }
    const rows = regions
      .map((region) => ({ region, value: figure.read(region) }))
      .filter((row): row is { region: ChildFigures; value: number } => typeof row.value === 'number');
    const worseFirst = (a: number, b: number) => (figure.worse === 'high' ? b - a : a - b);
    rows.sort((a, b) => (worstFirst ? worseFirst(a.value, b.value) : -worseFirst(a.value, b.value)));
    host.dataset.order = rows.map((row) => row.region.code).join(',');
    // as many bars as stay legible in the panel; the other end is a click on the sort button away
    const shown = rows.slice(0, SHOWN);
    codes = shown.map((row) => row.region.code);
    values = shown.map((row) => row.value);
    title.textContent =
      `${figure.label}排名 · ${rows.length} 个下级区划` +
      (rows.length > SHOWN ? `（${worstFirst ? '最差' : '最好'} ${SHOWN} 个）` : '');
    const ownValue = figure.read(own);
    // a rate of the region is comparable with its parts; a count of it is their sum, not an average
    const isRate = figure.key === 'onTimeRate';
    reference.textContent = isRate
      ? `参考线：${own.name}整体 ${figure.format(ownValue)}（图谱给出的本级数值）`
      : `${own.name}合计 ${figure.format(ownValue)}（图谱未提供下级平均值）`;
    chart.setOption(
      {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 88, right: 56, top: 4, bottom: 20 },
        xAxis: {
          type: 'value',
          // counts on whole numbers; a share may take any value
          minInterval: isRate ? 0 : 1,
          ...axisStyle,
          axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => figure.format(v) },
        },
        yAxis: {
          type: 'category',
          inverse: true,
          data: shown.map((row) => row.region.name),
          ...axisStyle,
          axisLabel: { ...axisStyle.axisLabel, color: '#d7e7ff', fontSize: 12, interval: 0 },
        },
        series: [
          {
            type: 'bar',
            name: figure.label,
            barMaxWidth: 16,
            data: shown.map((row) => row.value),
            itemStyle: { color: figure.worse === 'high' ? '#ff8a3d' : '#3ee29a', borderRadius: [0, 3, 3, 0] },
            label: {
              show: true,
              position: 'right',
              color: '#d7e7ff',
              formatter: (p: { value: number }) => figure.format(p.value),
            },
            markLine:
              isRate && typeof ownValue === 'number'
                ? {
                    symbol: 'none',
                    lineStyle: { color: '#5be7e7', type: 'dashed' },
                    label: { color: '#5be7e7', formatter: `${own.name} ${figure.format(ownValue)}` },
                    data: [{ xAxis: ownValue }],
                  }
                : { data: [] },
          },
        ],
      },
      { replaceMerge: ['series'] },
    );
  }

  return { show };
}
