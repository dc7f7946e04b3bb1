import { isPublishable, type JourneyDocument, type ValidationProblem, validateJourney } from '@journey/shared';
import { useShallow } from 'zustand/react/shallow';
import { useJourneyStore } from '../store/journeyStore';

export interface Validation {
  problems: ValidationProblem[];
  byNode: ReadonlyMap<string, ValidationProblem[]>;
  errorCount: number;
  publishable: boolean;
}

// Validation runs once per document version, however many components ask for it.
const validations = new WeakMap<JourneyDocument, Validation>();

export function validationOf(document: JourneyDocument): Validation {
  const cached = validations.get(document);
  if (cached) return cached;
  const problems = validateJourney(document);
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
  validations.set(document, validation);
  return validation;
}

export function useValidation(): Validation {
  return useJourneyStore((state) => validationOf(state.document));
}

export interface NodeProblemSummary {
  count: number;
  /** The first problem's message, for the badge's tooltip. */
  firstMessage: string;
  severity: ValidationProblem['severity'];
}

/** The problems of one node as plain values, so its card re-renders only when they change. */
export function useNodeProblems(nodeId: string): NodeProblemSummary {
  return useJourneyStore(
    useShallow((state) => {
      const problems = validationOf(state.document).byNode.get(nodeId) ?? [];
      return {
        count: problems.length,
        firstMessage: problems[0]?.message ?? '',
        severity: problems.some((problem) => problem.severity === 'error') ? 'error' : 'warning',
      };
    }),
  );
}
