import type { Locale } from '@journey/shared';

// Numbers of the live views, in the reader's locale. A missing figure shows as a dash, never as 0.

export const NO_FIGURE = '—';

export function formatCount(value: number, locale: Locale): string {
  return value.toLocaleString(locale);
}

/** Counts for tight spots (node badges, edge labels): exact below 10,000, then 45,600 → "45.6K" / "4.6万". */
export function formatCompact(value: number, locale: Locale): string {
  if (Math.abs(value) < 10_000) return formatCount(value, locale);
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

interface PercentOptions {
  /** Decimals at most (default 1), or exactly when `fixed`. */
  digits?: number;
  fixed?: boolean;
  /** For changes: "+12.3%", "-4%". */
  signed?: boolean;
}

/** 0.123 → "12.3%". */
export function formatPercent(
  ratio: number | null,
  locale: Locale,
  { digits = 1, fixed = false, signed = false }: PercentOptions = {},
): string {
  if (ratio === null) return NO_FIGURE;
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: fixed ? digits : 0,
    maximumFractionDigits: digits,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(ratio);
}

/** A difference of two rates in percentage points, signed, without the unit: 0.021 → "+2.1". */
export function formatPoints(difference: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(difference * 100);
}

/** Amounts in yuan (the runtime's costs and revenues have no currency of their own), fen only below ¥1,000. */
export function formatMoney(amount: number | null, locale: Locale): string {
  if (amount === null) return NO_FIGURE;
  const fractionDigits = Math.abs(amount) < 1_000 ? 2 : 0;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(amount);
}
