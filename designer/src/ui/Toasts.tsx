import { useTranslation } from 'react-i18next';
import { IssueList } from './ErrorDetails';
import { useToasts } from './toasts';

/** Notes about things that happened in the background: saves, publishes, failures. */
export function Toasts() {
  const { t } = useTranslation();
  const toasts = useToasts((state) => state.toasts);
  const dismiss = useToasts((state) => state.dismiss);
  return (
    <section className="toasts" aria-label={t('toasts.label')}>
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast ${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
          <div className="toast-body">
            <strong>{toast.title}</strong>
            <IssueList detail={toast.detail} issues={toast.issues} />
          </div>
          <button
            type="button"
            className="icon-button"
            aria-label={t('toasts.dismiss')}
            onClick={() => dismiss(toast.id)}
          >
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
