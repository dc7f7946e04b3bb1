import {
  type Arm,
  alwaysValidPValue,
  DEFAULT_MIXTURE_SD,
  type ExperimentsReport,
  type JourneyDocument,
  type JourneyMetrics,
  parseNodeConfig,
  type SplitConfig,
  type SplitExperiment,
  twoProportionZTest,
  type VariantResult,
} from '@journey/shared';

const CONFIDENCE_LEVEL = 0.95;

/** A comparison needs customers in both arms (and conversions no larger than them). */
const comparable = (arm: Arm) => arm.n > 0 && arm.conversions <= arm.n;

function splitExperiment(
  nodeId: string,
  label: string | null,
  config: SplitConfig,
  metrics: JourneyMetrics,
): SplitExperiment {
  const control = config.variants.find((variant) => variant.control) ?? config.variants[0]!;
  const planned = config.plannedSamplePerVariant ?? null;
  const armOf = (variantId: string): Arm => {
    const counts = metrics.variants[nodeId]?.[variantId];
    return { n: counts?.entered ?? 0, conversions: counts?.converted ?? 0 };
  };
  const controlArm = armOf(control.id);
  const variants = config.variants.map((variant): VariantResult => {
    const arm = armOf(variant.id);
    const isControl = variant.id === control.id;
    return {
      id: variant.id,
      label: variant.label ?? null,
      control: isControl,
      n: arm.n,
      conversions: arm.conversions,
      rate: arm.n > 0 ? arm.conversions / arm.n : null,
      plannedSampleReached: planned === null ? null : arm.n >= planned,
      comparison:
        isControl || !comparable(arm) || !comparable(controlArm)
          ? null
          : {
              ...twoProportionZTest(controlArm, arm, CONFIDENCE_LEVEL),
              alwaysValidPValue: alwaysValidPValue(controlArm, arm, DEFAULT_MIXTURE_SD),
            },
    };
  });
  return {
    nodeId,
    label,
    controlVariantId: control.id,
    plannedSamplePerVariant: planned,
    plannedSampleReached: planned === null ? null : variants.every((variant) => variant.n >= planned),
    variants,
  };
}

/**
 * Per split node: each variant's conversion against the control (the variant marked `control`, else the
 * first), with the documents' latest configuration of the split (labels, variants, planned sample).
 */
export function experimentsReport(metrics: JourneyMetrics, documents: readonly JourneyDocument[]): ExperimentsReport {
  const splits = new Map<string, { label: string | null; config: SplitConfig }>();
  for (const document of documents) {
    for (const node of document.nodes) {
      if (node.type !== 'split') continue;
      const parsed = parseNodeConfig('split', node.config);
      if (parsed.ok) splits.set(node.id, { label: node.label ?? null, config: parsed.config });
    }
  }
  return {
    journeyId: metrics.journeyId,
    version: metrics.version,
    method: { confidenceLevel: CONFIDENCE_LEVEL, mixtureSd: DEFAULT_MIXTURE_SD },
    splits: [...splits].map(([nodeId, { label, config }]) => splitExperiment(nodeId, label, config, metrics)),
  };
}
