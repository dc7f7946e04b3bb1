import type { CampaignReport, ExperimentVerdict, VariantResult } from '@journey/shared';
import type { Clock } from '../clock';
import type { SqliteHandle } from '../db/client';
import type { JourneyService } from '../engine/journeys';
import type { MetricsReports } from '../metrics/reports';
import type { OrgMetrics } from '../org/metrics';
import { ratio } from './ratio';
import type { RoiService } from './service';

interface ChannelRow {
  channel: string;
  sent: number;
  reached: number;
  converted: number;
}

export interface EvaluationSources {
  journeys: JourneyService;
  metrics: MetricsReports;
  orgMetrics: OrgMetrics;
  roi: RoiService;
}

/** Better or worse than the control only when the always-valid p-value (safe to read at any time) says so. */
function verdictOf(variant: VariantResult, alpha: number): ExperimentVerdict {
  if (variant.control) return 'control';
  const comparison = variant.comparison;
  if (!comparison || comparison.alwaysValidPValue >= alpha) return 'inconclusive';
  return comparison.absoluteLift > 0 ? 'better' : 'worse';
}

/**
 * The post-campaign evaluation of a journey: goal, reach, funnel, channel conversion, execution and success by
 * branch, cost and ROI, and experiment verdicts, gathered from the metrics, organisation and ROI reports.
 */
export class CampaignEvaluation {
  readonly #channels;

  constructor(
    sqlite: SqliteHandle,
    private readonly sources: EvaluationSources,
    private readonly clock: Clock,
  ) {
    this.#channels = sqlite.prepare<{ journeyId: string; version: number | null }, ChannelRow>(
      `SELECT m.channel, COUNT(*) AS sent, COUNT(DISTINCT m.instance_id) AS reached,
       COUNT(DISTINCT CASE WHEN i.converted_at >= m.sent_at THEN m.instance_id END) AS converted
       FROM messages m JOIN instances i ON i.id = m.instance_id
       WHERE m.journey_id = @journeyId AND m.status = 'sent' AND (@version IS NULL OR i.version = @version)
       GROUP BY m.channel ORDER BY m.channel`,
    );
  }

  /** `version` null: every version together. */
  report(journeyId: string, version: number | null): CampaignReport {
    const { journeys, metrics, orgMetrics, roi } = this.sources;
    const journey = journeys.get(journeyId);
    const versions = version === null ? journeys.versionsOf(journeyId) : [journeys.version(journeyId, version)];
    const nodeTypes = new Map(versions.flatMap((row) => row.document.nodes.map((node) => [node.id, node.type])));
    const goal = (versions.at(-1)?.document ?? journey.draft).settings.goal;
    const funnel = metrics.journeyMetrics(journeyId, version);
    const experiments = metrics.experiments(journeyId, version);
    const alpha = 1 - experiments.method.confidenceLevel;
    const channels = this.#channels
      .all({ journeyId, version })
      .map((row) => ({ ...row, conversionRate: ratio(row.converted, row.reached) }));
    return {
      journeyId,
      name: journey.name,
      version,
      generatedAt: new Date(this.clock.now()).toISOString(),
      goal: goal ? { event: goal.event, within: goal.within ?? null, exitOnGoal: goal.exitOnGoal } : null,
      reach: {
        entered: funnel.entered,
        converted: funnel.goal.converted,
        conversionRate: ratio(funnel.goal.converted, funnel.entered),
        messagesSent: channels.reduce((sum, channel) => sum + channel.sent, 0),
      },
      funnel: Object.entries(funnel.nodes).map(([nodeId, node]) => ({
        nodeId,
        type: nodeTypes.get(nodeId) ?? 'unknown',
        entered: node.entered,
        exited: node.exited,
      })),
      channels,
      branches: orgMetrics.report(journeyId, version, 'branch').groups,
      roi: roi.report(journeyId, version),
      experiments: experiments.splits.map((split) => ({
        nodeId: split.nodeId,
        variants: split.variants.map((variant) => ({
          id: variant.id,
          n: variant.n,
          conversions: variant.conversions,
          rate: variant.rate,
          verdict: verdictOf(variant, alpha),
        })),
      })),
    };
  }
}

type Cell = string | number | boolean | null;

/** A CSV cell: quoted when needed, and text that a spreadsheet would run as a formula is defused. */
function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One row per figure: section, item, metric, value. */
function rowsOf(section: string, item: string, figures: object): Cell[][] {
  return Object.entries(figures)
    .filter((entry): entry is [string, Cell] => entry[1] === null || typeof entry[1] !== 'object')
    .map(([metric, value]) => [section, item, metric, value]);
}

/** The report in long form (section, item, metric, value), ready for a spreadsheet pivot. */
export function campaignReportCsv(report: CampaignReport): string {
  const { roi } = report;
  const rows: Cell[][] = [
    ['section', 'item', 'metric', 'value'],
    ...rowsOf('journey', report.journeyId, {
      name: report.name,
      version: report.version,
      generatedAt: report.generatedAt,
    }),
    ...(report.goal ? rowsOf('goal', report.goal.event, report.goal) : []),
    ...rowsOf('reach', '', report.reach),
    ...report.funnel.flatMap(({ nodeId, ...node }) => rowsOf('funnel', nodeId, node)),
    ...report.channels.flatMap(({ channel, ...figures }) => rowsOf('channel', channel, figures)),
    ...report.branches.flatMap(({ id, ...figures }) => rowsOf('branch', id, figures)),
    ...rowsOf('roi', 'total', roi.total),
    ...roi.versions.flatMap(({ version, ...figures }) => rowsOf('roi', `version ${version}`, figures)),
    ...roi.splits.flatMap(({ nodeId, variants }) =>
      variants.flatMap(({ variant, ...figures }) => rowsOf('roi', `${nodeId}/${variant}`, figures)),
    ),
    ...report.experiments.flatMap(({ nodeId, variants }) =>
      variants.flatMap(({ id, ...figures }) => rowsOf('experiment', `${nodeId}/${id}`, figures)),
    ),
  ];
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}
