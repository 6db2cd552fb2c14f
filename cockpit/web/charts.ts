import * as echarts from 'echarts/core';
import { BarChart, GaugeChart, LineChart, MapChart, PieChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// only what the panels draw: the bundle carries these, not the whole of ECharts
echarts.use([
  BarChart,
  GaugeChart,
  LineChart,
  MapChart,
  PieChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export type Chart = echarts.ECharts;
/** Outlines the map series draws, registered by name (no tile server, nothing from outside). */
export const registerMap = echarts.registerMap;
export type ChartOption = echarts.EChartsCoreOption;

export const PALETTE = [
  '#2fb4ff',
  '#3ee29a',
  '#ffb648',
  '#ff8a3d',
  '#ff5a5a',
  '#a57cff',
  '#5be7e7',
  '#f0e35b',
];

const BASE: ChartOption = {
  color: PALETTE,
  backgroundColor: 'transparent',
  textStyle: { fontFamily: "'Noto Sans SC', sans-serif", color: '#d7e7ff', fontSize: 14 },
  tooltip: {
    confine: true,
    backgroundColor: 'rgba(6, 32, 74, 0.95)',
    borderColor: '#2fb4ff',
    textStyle: { color: '#d7e7ff' },
  },
};

/**
 * A chart in `host`, drawn sharp on the scaled stage (the stage may be enlarged on a 4K wall), and
 * redrawn whenever its host's layout size changes (the web font arriving, a list growing).
 */
export function createChart(host: HTMLElement, scale: number): Chart {
  const chart = echarts.init(host, null, {
    renderer: 'canvas',
    devicePixelRatio: Math.max(1, window.devicePixelRatio * scale),
  });
  chart.setOption(BASE);
  new ResizeObserver(() => chart.resize()).observe(host);
  return chart;
}

export const axisStyle = {
  axisLine: { lineStyle: { color: '#1d4f91' } },
  axisLabel: { color: '#7f9cc4', fontSize: 13 },
  splitLine: { lineStyle: { color: 'rgba(29, 79, 145, 0.4)' } },
};

/**
 * The months of the period: a bar of one count and a line of another (received and completed cases,
 * disputes mediated and resolved), the legend above.
 */
export function monthlyBarAndLine<M extends { month: string }>(
  chart: Chart,
  months: readonly M[],
  bar: { name: string; value(month: M): number },
  line: { name: string; value(month: M): number },
  left = 56,
): void {
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { color: '#d7e7ff' } },
    grid: { left, right: 12, top: 30, bottom: 24 },
    xAxis: { type: 'category', data: months.map((m) => `${Number(m.month.slice(5))}月`), ...axisStyle },
    yAxis: { type: 'value', minInterval: 1, ...axisStyle },
    series: [
      { name: bar.name, type: 'bar', data: months.map(bar.value) },
      { name: line.name, type: 'line', smooth: true, data: months.map(line.value) },
    ],
  });
}
