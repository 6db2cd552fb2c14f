import type { RegionMapQuery } from '@cockpit/generated/operations';
import { createChart, registerMap, type Chart } from './charts';
import { el } from './dom';
import type { ChildFigures, MapFigure } from './figures';

type Outlined = NonNullable<RegionMapQuery['region']>;

/** What the map needs to colour its regions: the chosen figure and the graph's figures of each region. */
export interface MapColouring {
  figure: MapFigure | undefined;
  regions: readonly ChildFigures[];
  /** Why the figure is missing (its subgraph failed), shown instead of colours. */
  unavailable?: string;
}

const COLOURS = { high: ['#1b4d8c', '#ffb648', '#ff5a5a'], low: ['#ff5a5a', '#ffb648', '#1b4d8c'] };

/**
 * The map at the centre: the outlines of the regions below the one shown (people's `Region.boundary`,
 * registered with ECharts, drawn with no tile server), coloured by the chosen figure with a legend. A click
 * on a region calls `onPick` with its code. The host says what it drew: `data-regions` (codes) and
 * `data-points` (a point inside each region, in the host's pixels) for tests and tools.
 */
export function regionMap(parent: HTMLElement, scale: number, onPick: (code: string) => void) {
  const host = el(parent, 'div', 'map');
  host.dataset.map = 'regions';
  const note = el(parent, 'p', 'caption map-note', '');
  const chart: Chart = createChart(host, scale);
  let outlines: Outlined | null = null;
  let selected: string | null = null;
  let colouring: MapColouring = { figure: undefined, regions: [] };
  const names = new Map<string, string>();

  chart.on('click', (event) => {
    if (event.componentSubType === 'map' && typeof event.name === 'string' && names.has(event.name))
      onPick(event.name);
  });
  chart.on('finished', () => {
    if (!outlines) return;
    const points: Record<string, number[]> = {};
    for (const child of outlines.children) {
      const at = child.boundary?.labelPoint;
      const pixel = at && chart.convertToPixel({ seriesIndex: 0 }, at);
      if (Array.isArray(pixel)) points[child.code] = pixel.map(Math.round);
    }
    host.dataset.points = JSON.stringify(points);
  });

  function draw() {
    if (!outlines) return;
    const drawn = outlines.children.filter((child) => child.boundary);
    names.clear();
    for (const child of drawn) names.set(child.code, child.name);
    const mapName = `regions-${outlines.code}-${drawn.map((c) => c.boundary!.digest.slice(0, 8)).join('')}`;
    registerMap(mapName, {
      type: 'FeatureCollection',
      features: drawn.map((child) => ({
        type: 'Feature',
        // `cp`: where ECharts writes the name, a point the graph says is inside the outline
        properties: { name: child.code, cp: child.boundary!.labelPoint },
        geometry: child.boundary!.geometry,
      })),
    } as unknown as Parameters<typeof registerMap>[1]);
    const { figure, regions, unavailable } = colouring;
    const byCode = new Map(regions.map((region) => [region.code, region]));
    const values = drawn.map((child) => {
      const region = byCode.get(child.code);
      return figure && region && !unavailable ? (figure.read(region) ?? null) : null;
    });
    const known = values.filter((v): v is number => v !== null);
    host.dataset.regions = drawn.map((child) => child.code).join(',');
    host.dataset.figure = figure?.key ?? '';
    host.dataset.values = JSON.stringify(Object.fromEntries(drawn.map((c, i) => [c.code, values[i]])));
    const fictional = drawn.some((child) => child.boundary!.fictional);
    note.textContent = [
      figure ? `${figure.label}${unavailable ? `：${unavailable}` : ''}` : '',
      fictional
        ? '虚构示意边界（演示城市为虚构，非真实地理）'
        : `边界来源：${drawn[0]?.boundary?.source ?? '—'}`,
    ]
      .filter(Boolean)
      .join(' · ');
    chart.setOption(
      {
        tooltip: {
          trigger: 'item',
          formatter: (p: { name: string; value: number }) =>
            `${names.get(p.name) ?? p.name}<br/>${figure?.label ?? ''} ${figure ? figure.format(Number.isFinite(p.value) ? p.value : null) : ''}`,
        },
        visualMap: known.length
          ? {
              type: 'continuous',
              min: Math.min(...known),
              max: Math.max(...known, Math.min(...known) + 1e-9),
              left: 12,
              bottom: 12,
              itemHeight: 120,
              calculable: false,
              text: [`${figure!.label} 高`, '低'],
              textStyle: { color: '#d7e7ff' },
              formatter: (value: number) => figure!.format(value),
              inRange: { color: COLOURS[figure!.worse] },
              outOfRange: { color: '#14305e' },
            }
          : { show: false, min: 0, max: 1, inRange: { color: ['#14305e', '#14305e'] } },
        series: [
          {
            type: 'map',
            map: mapName,
            roam: false,
            selectedMode: false,
            aspectScale: 0.88,
            layoutCenter: ['50%', '50%'],
            layoutSize: '96%',
            label: {
              show: true,
              color: '#eaf4ff',
              fontSize: 13,
              formatter: (p: { name: string }) => names.get(p.name) ?? p.name,
            },
            itemStyle: { areaColor: '#14305e', borderColor: '#5be7e7', borderWidth: 1 },
            emphasis: { label: { color: '#ffffff' }, itemStyle: { areaColor: '#2f6fd0' } },
            data: drawn.map((child, i) => ({
              name: child.code,
              value: values[i] ?? Number.NaN,
              ...(child.code === selected
                ? {
                    itemStyle: {
                      borderColor: '#ffffff',
                      borderWidth: 3,
                      shadowBlur: 16,
                      shadowColor: '#2fb4ff',
                    },
                  }
                : {}),
            })),
          },
        ],
      },
      { replaceMerge: ['series', 'visualMap'] },
    );
  }

  return {
    /** The outlines to draw, and the region among them to outline (a township seen among its siblings). */
    outline(region: Outlined, highlight: string | null) {
      outlines = region;
      selected = highlight;
      host.dataset.of = region.code;
      draw();
    },
    /** No outlines to draw (none uploaded, or the directory is down): says why. */
    missing(reason: string) {
      outlines = null;
      chart.setOption({ series: [] }, { replaceMerge: ['series'] });
      host.dataset.regions = '';
      note.textContent = reason;
    },
    colour(next: MapColouring) {
      colouring = next;
      draw();
    },
  };
}
