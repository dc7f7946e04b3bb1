import { z } from 'zod';

const comparisonSchema = z.object({
  absoluteLift: z.number().describe('variant rate − control rate'),
  relativeLift: z.number().nullable().describe('absolute lift / control rate; null when the control never converted'),
  confidenceInterval: z.object({ level: z.number(), low: z.number(), high: z.number() }),
  zScore: z.number(),
  pValue: z.number().describe('two-sided, two-proportion z-test: valid when read once, at the planned sample size'),
  alwaysValidPValue: z.number().describe('mSPRT: valid whenever it is read, however often'),
});

export const variantResultSchema = z.object({
  id: z.string(),
  label: z.string().nullable(),
  control: z.boolean(),
  n: z.int().describe('customers assigned'),
  conversions: z.int(),
  rate: z.number().nullable().describe('conversions / n; null before anyone is assigned'),
  plannedSampleReached: z.boolean().nullable().describe('null when the split plans no sample size'),
  comparison: comparisonSchema.nullable().describe('against the control; null for the control and for empty arms'),
});
export type VariantResult = z.infer<typeof variantResultSchema>;

export const splitExperimentSchema = z.object({
  nodeId: z.string(),
  label: z.string().nullable(),
  controlVariantId: z.string(),
  plannedSamplePerVariant: z.int().nullable(),
  plannedSampleReached: z.boolean().nullable().describe('every variant reached the planned sample'),
  variants: z.array(variantResultSchema),
});
export type SplitExperiment = z.infer<typeof splitExperimentSchema>;

export const experimentsReportSchema = z
  .object({
    journeyId: z.string(),
    version: z.int().nullable(),
    method: z.object({
      confidenceLevel: z.number(),
      mixtureSd: z.number().describe('τ of the mSPRT normal mixture over the absolute lift'),
    }),
    splits: z.array(splitExperimentSchema),
  })
  .meta({ id: 'ExperimentsReport' });
export type ExperimentsReport = z.infer<typeof experimentsReportSchema>;
