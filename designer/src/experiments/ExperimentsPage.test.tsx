import type { ExperimentsReport, RoiReportDto } from '@journey/shared';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n';
import { smallJourney } from '../test/fixtures';
import { fakeRuntime, journeyRecord, renderApp } from '../test/runtime';

const journey = journeyRecord(
  { ...smallJourney(), id: 'payroll-offer', name: 'Payroll offer A/B' },
  { status: 'live', liveVersion: 1 },
);

const figures = { instances: 0, messagesSent: 0, benefitsGranted: 0, revenue: 0 };

/** As `GET /experiments` answers for a 10% control and two offers, 1,800 customers each so far. */
const report: ExperimentsReport = {
  journeyId: 'payroll-offer',
  version: null,
  method: { confidenceLevel: 0.95, mixtureSd: 0.02 },
  splits: [
    {
      nodeId: 'offer-split',
      label: 'Offer test',
      controlVariantId: 'control',
      plannedSamplePerVariant: 3000,
      plannedSampleReached: false,
      variants: [
        {
          id: 'control',
          label: 'Control',
          control: true,
          n: 400,
          conversions: 20,
          rate: 0.05,
          plannedSampleReached: false,
          comparison: null,
        },
        {
          id: 'A',
          label: 'SMS wealth offer',
          control: false,
          n: 1800,
          conversions: 108,
          rate: 0.06,
          plannedSampleReached: false,
          comparison: {
            absoluteLift: 0.01,
            relativeLift: 0.2,
            confidenceInterval: { level: 0.95, low: -0.0135, high: 0.0335 },
            zScore: 0.78,
            pValue: 0.4354,
            alwaysValidPValue: 1,
          },
        },
        {
          id: 'B',
          label: 'Push cash-back',
          control: false,
          n: 1800,
          conversions: 171,
          rate: 0.095,
          plannedSampleReached: false,
          comparison: {
            absoluteLift: 0.045,
            relativeLift: 0.9,
            confidenceInterval: { level: 0.95, low: 0.0205, high: 0.0695 },
            zScore: 2.92,
            pValue: 0.0035,
            alwaysValidPValue: 0.0123,
          },
        },
      ],
    },
  ],
};

const roi: RoiReportDto = {
  journeyId: 'payroll-offer',
  version: null,
  total: { ...figures, cost: 5310, conversions: 299, costPerConversion: 17.76, roi: null },
  versions: [],
  splits: [
    {
      nodeId: 'offer-split',
      variants: [
        { ...figures, variant: 'control', cost: 0, conversions: 20, costPerConversion: 0, roi: null },
        { ...figures, variant: 'A', cost: 180, conversions: 108, costPerConversion: 1.67, roi: 2.5 },
        { ...figures, variant: 'B', cost: 5130, conversions: 171, costPerConversion: 30, roi: 0.4 },
      ],
    },
  ],
};

function openExperiments() {
  fakeRuntime({
    'GET /v1/journeys/payroll-offer': { body: journey },
    'GET /v1/journeys/payroll-offer/experiments': { body: report },
    'GET /v1/journeys/payroll-offer/roi': { body: roi },
  });
  renderApp('/journeys/payroll-offer/experiments');
}

const cellsOf = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

afterEach(() => setLocale('en'));

describe('experiments view', () => {
  it('tabulates each variant against the control, with its interval, p-values, progress and cost', async () => {
    openExperiments();
    const table = await screen.findByRole('table', { name: 'Variants of Offer test' });
    const [, control, a, b] = within(table).getAllByRole('row');
    expect(cellsOf(control as HTMLElement)).toEqual([
      'ControlBaseline',
      '400',
      '20',
      '5.00%',
      '—',
      '—',
      '—',
      '—',
      '400 of 3,000',
      '¥0.00',
      '—',
    ]);
    expect(cellsOf(a as HTMLElement).slice(0, 5)).toEqual([
      'SMS wealth offer',
      '1,800',
      '108',
      '6.00%',
      '+1.0 pp-1.4 to +3.4',
    ]);
    expect(cellsOf(b as HTMLElement)).toEqual([
      'Push cash-back',
      '1,800',
      '171',
      '9.50%',
      '+4.5 pp+2.1 to +7.0',
      '+90%',
      '0.004',
      '0.012',
      '1,800 of 3,000',
      '¥30.00',
      '40%',
    ]);
    expect(within(b as HTMLElement).getByRole('progressbar')).toHaveProperty('value', 1800);
  });

  it('reads the results in plain words, by the always-valid p-value', async () => {
    openExperiments();
    expect(await screen.findByText('Push cash-back beats Control with 98.7% confidence (always-valid)')).toBeTruthy();
    expect(
      screen.getByText(
        /^No difference yet between SMS wealth offer and Control: about [\d,]+ more customers per variant needed$/,
      ),
    ).toBeTruthy();
    expect(
      screen.getByText('Push cash-back converts more but costs ¥28.33 more per conversion than SMS wealth offer'),
    ).toBeTruthy();
  });

  it('reads them in Chinese too', async () => {
    setLocale('zh-CN');
    openExperiments();
    expect(await screen.findByText('Push cash-back 优于 Control，置信度 98.7%（随时有效检验）')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Offer test 的分组' })).toBeTruthy();
  });
});
