import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n';
import { formatCount, formatPercent } from '../live/format';
import type { NamedFunnelRow } from '../live/useNamedFunnel';
import { chartStyle } from './chartStyle';
import { type ChartOption, EChart } from './EChart';

/** The main-path funnel as bars, each labelled with its count and its share of those who entered. */
export function FunnelChart({ rows, dark }: { rows: NamedFunnelRow[]; dark: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const option = useMemo((): ChartOption => {
    const style = chartStyle(dark);
    const labels = rows.map((row) => `${formatCount(row.count, locale)} · ${formatPercent(row.share, locale)}`);
    return {
      animationDuration: 300,
      grid: { left: 8, right: dark ? 200 : 120, top: 4, bottom: 4, containLabel: true },
      xAxis: { type: 'value', show: false },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((row) => row.name),
        axisLine: { show: false },
        axisTick: { show: false },
        axisLabel: { color: style.text, fontSize: style.fontSize, width: dark ? 260 : 150, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: dark ? 36 : 22,
          data: rows.map((row) => ({
            value: row.count,
            itemStyle: { color: row.nodeId === null ? style.colors.converted : style.colors.entered, borderRadius: 3 },
          })),
          label: {
            show: true,
            position: 'right',
            color: style.text,
            fontSize: style.fontSize,
            formatter: ({ dataIndex }) => labels[dataIndex] ?? '',
          },
        },
      ],
    };
  }, [rows, dark, locale]);
  return <EChart option={option} dark={dark} label={t('monitor.funnel')} />;
}
