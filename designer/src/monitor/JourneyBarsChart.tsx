import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { chartStyle } from './chartStyle';
import { type ChartOption, EChart } from './EChart';

export interface JourneyBar {
  name: string;
  entered: number;
  converted: number;
}

/** Entered and converted per journey, side by side, the busiest journey on top. */
export function JourneyBarsChart({ bars, dark }: { bars: JourneyBar[]; dark: boolean }) {
  const { t } = useTranslation();
  const option = useMemo((): ChartOption => {
    const style = chartStyle(dark);
    const figures = ['entered', 'converted'] as const;
    return {
      animationDuration: 300,
      legend: { top: 0, textStyle: { color: style.text, fontSize: style.fontSize } },
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: dark ? 48 : 32, bottom: 4, containLabel: true },
      xAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { color: style.text, fontSize: style.fontSize },
        splitLine: { lineStyle: { color: style.grid } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: bars.map((bar) => bar.name),
        axisTick: { show: false },
        axisLabel: { color: style.text, fontSize: style.fontSize, width: dark ? 360 : 220, overflow: 'truncate' },
      },
      series: figures.map((figure) => ({
        type: 'bar',
        name: t(`monitor.series.${figure}`),
        data: bars.map((bar) => bar[figure]),
        itemStyle: { color: style.colors[figure], borderRadius: 3 },
        barMaxWidth: dark ? 28 : 16,
      })),
    };
  }, [bars, dark, t]);
  return <EChart option={option} dark={dark} label={t('monitor.journeys.chart')} />;
}
