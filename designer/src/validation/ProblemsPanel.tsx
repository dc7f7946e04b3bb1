import type { JourneyDocument, ValidationProblem } from '@journey/shared';
import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n';
import { displayName } from '../store/catalogView';
import { useJourneyStore } from '../store/journeyStore';
import { useServerProblems } from './serverProblems';
import { useValidation } from './validation';

/** Centring on a problem zooms in at least this far, so the node's text can be read. */
const READABLE_ZOOM = 0.9;

/** The node a problem is about: its own, or the source of the edge it is about. */
function problemNodeId(problem: ValidationProblem, document: JourneyDocument): string | undefined {
  if (problem.nodeId) return problem.nodeId;
  return document.edges.find((edge) => edge.id === problem.edgeId)?.source;
}

/** The collapsible list under the canvas; choosing a problem selects and centres its node. */
export function ProblemsPanel() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { problems, errorCount: localErrorCount } = useValidation();
  const serverProblems = useServerProblems((state) => state.problems);
  const errorCount = localErrorCount + serverProblems.length;
  const document = useJourneyStore((state) => state.document);
  const select = useJourneyStore((state) => state.select);
  const { setCenter, getZoom, getInternalNode } = useReactFlow();
  const [open, setOpen] = useState(true);
  const warningCount = problems.length - localErrorCount;

  const reveal = (nodeId: string | undefined) => {
    if (!nodeId) {
      select([]); // journey-level problems are fixed in the settings, shown when nothing is selected
      return;
    }
    select([nodeId]);
    const node = getInternalNode(nodeId);
    if (!node) return;
    const { x, y } = node.internals.positionAbsolute;
    const { width = 0, height = 0 } = node.measured;
    void setCenter(x + width / 2, y + height / 2, { zoom: Math.max(getZoom(), READABLE_ZOOM), duration: 300 });
  };

  return (
    <section className={`problems${open ? ' open' : ''}`} aria-label={t('problems.title')}>
      <button type="button" className="problems-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className="problems-chevron" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        <span className="problems-title">{t('problems.title')}</span>
        {errorCount + warningCount === 0 ? (
          <span className="count ok">{t('problems.none')}</span>
        ) : (
          <>
            {errorCount > 0 && <span className="count error">{t('problems.errors', { count: errorCount })}</span>}
            {warningCount > 0 && (
              <span className="count warning">{t('problems.warnings', { count: warningCount })}</span>
            )}
          </>
        )}
      </button>
      {open && errorCount + warningCount > 0 && (
        <ul className="problems-list">
          {serverProblems.map((problem) => {
            const node = document.nodes.find((candidate) => candidate.id === problem.nodeId);
            return (
              <li key={`server\u0000${problem.path}\u0000${problem.message}`}>
                <button type="button" onClick={() => reveal(problem.nodeId)}>
                  <span className="severity error">{t('problems.severity.error')}</span>
                  <span className="problem-where">{node ? displayName(node, locale) : t('problems.journey')}</span>
                  <span className="problem-code">{t('problems.fromServer')}</span>
                  <span className="problem-message">{problem.message}</span>
                </button>
              </li>
            );
          })}
          {problems.map((problem) => {
            const nodeId = problemNodeId(problem, document);
            const node = document.nodes.find((candidate) => candidate.id === nodeId);
            return (
              <li key={`${problem.code}\u0000${problem.path}\u0000${problem.message}`}>
                <button type="button" onClick={() => reveal(nodeId)}>
                  <span className={`severity ${problem.severity}`}>{t(`problems.severity.${problem.severity}`)}</span>
                  <span className="problem-where">{node ? displayName(node, locale) : t('problems.journey')}</span>
                  <span className="problem-code">{t(`problemCodes.${problem.code}`)}</span>
                  <span className="problem-message">{problem.message}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
