import { BarChart, type BarSeriesOption, LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, type ECharts, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';

// Only the parts of echarts the monitor draws, so its chunk stays small; SVG keeps text sharp on a wall display.
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

interface EChartProps {
  option: ChartOption;
  /** Dark theme, for the big screen. */
  dark: boolean;
  /** What the chart shows, for screen readers. */
  label: string;
}

/** An echarts chart that fills its box, follows its size, and takes each new option as an update. */
export function EChart({ option, dark, label }: EChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const instance = init(element.current, dark ? 'dark' : undefined, { renderer: 'svg' });
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element.current);
    setChart(instance);
    return () => {
      resize.disconnect();
      instance.dispose();
    };
  }, [dark]);

  // A chart made afresh (for the other theme) takes the option again.
  useEffect(() => {
    chart?.setOption({ backgroundColor: 'transparent', ...option });
  }, [chart, option]);

  return <div ref={element} className="chart" role="img" aria-label={label} />;
}
