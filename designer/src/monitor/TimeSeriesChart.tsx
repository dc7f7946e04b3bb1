import type { GlobalTimeSeriesPoint } from '@journey/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n';
import { chartStyle } from './chartStyle';
import { type ChartOption, EChart } from './EChart';
import type { TimeWindow } from './timeWindows';

const figures = ['entered', 'converted', 'messagesSent'] as const;

/** Entries, conversions and messages sent per bucket, one line each. */
interface TimeSeriesChartProps {
  points: GlobalTimeSeriesPoint[];
  timeWindow: TimeWindow;
  dark: boolean;
}

export function TimeSeriesChart({ points, timeWindow, dark }: TimeSeriesChartProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const option = useMemo((): ChartOption => {
    const style = chartStyle(dark);
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false });
    return {
      animationDuration: 300,
      color: figures.map((figure) => style.colors[figure]),
      legend: { top: 0, textStyle: { color: style.text, fontSize: style.fontSize } },
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: dark ? 48 : 32, bottom: 4, containLabel: true },
      xAxis: {
        type: 'category',
        boundaryGap: false,
        data: points.map((point) => time.format(new Date(point.at))),
        axisLabel: { color: style.text, fontSize: style.fontSize, interval: timeWindow === 'hour' ? 9 : 3 },
        axisLine: { lineStyle: { color: style.grid } },
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { color: style.text, fontSize: style.fontSize },
        splitLine: { lineStyle: { color: style.grid } },
      },
      series: figures.map((figure) => ({
        type: 'line',
        name: t(`monitor.series.${figure}`),
        data: points.map((point) => point[figure]),
        showSymbol: false,
        smooth: 0.2,
        lineStyle: { width: dark ? 3 : 2 },
      })),
    };
  }, [points, timeWindow, dark, locale, t]);
  return <EChart option={option} dark={dark} label={t('monitor.timeSeries')} />;
}
