import { isPublishable, type JourneyDocument, type ValidationProblem, validateJourney } from '@journey/shared';
import { useShallow } from 'zustand/react/shallow';
import { type CreativeLibrary, contentsFor, useCreatives } from '../creatives/useCreatives';
import { useJourneyStore } from '../store/journeyStore';

export interface Validation {
  problems: ValidationProblem[];
  byNode: ReadonlyMap<string, ValidationProblem[]>;
  errorCount: number;
  publishable: boolean;
}

/** Until the library has loaded, creatives are not checked (the runtime checks them when publishing). */
const NO_LIBRARY = {};
// Validation runs once per document version and library, however many components ask for it.
const validations = new WeakMap<CreativeLibrary | typeof NO_LIBRARY, WeakMap<JourneyDocument, Validation>>();

export function validationOf(document: JourneyDocument, creatives?: CreativeLibrary): Validation {
  const library = creatives ?? NO_LIBRARY;
  const cache = validations.get(library) ?? new WeakMap<JourneyDocument, Validation>();
  validations.set(library, cache);
  const cached = cache.get(document);
  if (cached) return cached;
  const problems = validateJourney(document, creatives ? { creatives: contentsFor(document, creatives) } : {});
  const byNode = new Map<string, ValidationProblem[]>();
  for (const problem of problems) {
    if (problem.nodeId) byNode.set(problem.nodeId, [...(byNode.get(problem.nodeId) ?? []), problem]);
  }
  const validation: Validation = {
    problems,
    byNode,
    errorCount: problems.filter((problem) => problem.severity === 'error').length,
    publishable: isPublishable(problems),
  };
  cache.set(document, validation);
  return validation;
}

export function useValidation(): Validation {
  const creatives = useCreatives();
  return useJourneyStore((state) => validationOf(state.document, creatives));
}

export interface NodeProblemSummary {
  count: number;
  /** The first problem's message, for the badge's tooltip. */
  firstMessage: string;
  severity: ValidationProblem['severity'];
}

/** The problems of one node as plain values, so its card re-renders only when they change. */
export function useNodeProblems(nodeId: string): NodeProblemSummary {
  const creatives = useCreatives();
  return useJourneyStore(
    useShallow((state) => {
      const problems = validationOf(state.document, creatives).byNode.get(nodeId) ?? [];
      return {
        count: problems.length,
        firstMessage: problems[0]?.message ?? '',
        severity: problems.some((problem) => problem.severity === 'error') ? 'error' : 'warning',
      };
    }),
  );
}
