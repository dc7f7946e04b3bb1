import { errorDetails } from './toasts';

/** The server's message and the fields it named, e.g. "body.name: Too small". */
export function ErrorDetails({ error }: { error: unknown }) {
  const { detail, issues } = errorDetails(error);
  return <IssueList detail={detail} issues={issues} />;
}

export function IssueList({ detail, issues }: { detail?: string; issues?: ReturnType<typeof errorDetails>['issues'] }) {
  return (
    <>
      {detail && <p className="error-detail">{detail}</p>}
      {issues && issues.length > 0 && (
        <ul className="error-issues">
          {issues.map((issue) => (
            <li key={`${issue.path}\u0000${issue.message}`}>
              {issue.path && <code>{issue.path}</code>} {issue.message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
