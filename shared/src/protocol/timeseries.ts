import { z } from 'zod';

const count = z.int();
const pointsDescription = 'one per step from `from`, empty buckets included';

export const timeSeriesPointSchema = z.object({
  at: z.string().describe('start of the bucket'),
  entered: count,
  converted: count,
  messagesSent: count,
  nodesEntered: z.record(z.string(), count).describe('entries per node, only nodes someone entered'),
});
export type TimeSeriesPoint = z.infer<typeof timeSeriesPointSchema>;

export const timeSeriesSchema = z
  .object({
    journeyId: z.string(),
    from: z.string(),
    to: z.string(),
    step: z.string(),
    points: z.array(timeSeriesPointSchema).describe(pointsDescription),
  })
  .meta({ id: 'MetricsTimeSeries' });
export type TimeSeries = z.infer<typeof timeSeriesSchema>;

/** A point of every journey summed: node ids belong to one journey each, so there are no per-node entries. */
export const globalTimeSeriesPointSchema = timeSeriesPointSchema.omit({ nodesEntered: true });
export type GlobalTimeSeriesPoint = z.infer<typeof globalTimeSeriesPointSchema>;

export const globalTimeSeriesSchema = timeSeriesSchema
  .omit({ journeyId: true })
  .extend({ points: z.array(globalTimeSeriesPointSchema).describe(pointsDescription) })
  .meta({ id: 'MetricsGlobalTimeSeries' });
export type GlobalTimeSeries = z.infer<typeof globalTimeSeriesSchema>;
