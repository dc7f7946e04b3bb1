import { type TaskCompletion, type TaskDto, taskOutcomes } from '@journey/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearch } from 'wouter';
import { useLocale } from '../i18n';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { ErrorDetails } from '../ui/ErrorDetails';
import { formatRelative } from '../ui/format';
import { notifyError } from '../ui/toasts';
import { taskKeys, tasksApi } from './tasksApi';
import './TaskInbox.css';

const customerName = (task: TaskDto) => {
  const { name } = task.customer.summary;
  return typeof name === 'string' && name !== '' ? name : task.customer.id;
};

interface TaskCardProps {
  task: TaskDto;
  busy: boolean;
  onComplete(completion: TaskCompletion): void;
}

/** One task: the customer card, the script, optional amount and note, and one tap per outcome. */
function TaskCard({ task, busy, onComplete }: TaskCardProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const titleId = useId();
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const overdue = Date.parse(task.dueAt) <= Date.now();
  const details = {
    ...(amount !== '' && { amount: Number(amount) }),
    ...(note.trim() !== '' && { note: note.trim() }),
  };

  return (
    <article className="task-card" aria-labelledby={titleId}>
      <header className="task-card-header">
        <h2 id={titleId}>{customerName(task)}</h2>
        <span className={overdue ? 'task-due task-due-overdue' : 'task-due'}>
          {overdue ? t('tasks.overdue') : t('tasks.due', { when: formatRelative(task.dueAt, locale) })}
        </span>
      </header>
      <p className="task-kind">{task.title ?? t(`tasks.channels.${task.channel}`)}</p>
      <dl className="task-customer" aria-label={t('tasks.customer')}>
        {[[t('tasks.customerId'), task.customer.id], ...Object.entries(task.customer.summary)].map(
          ([attribute, value]) => (
            <div key={attribute} className="task-customer-row">
              <dt>{attribute}</dt>
              <dd>{String(value)}</dd>
            </div>
          ),
        )}
      </dl>
      <blockquote className="task-script">{task.script}</blockquote>
      <div className="task-details">
        <label>
          {t('tasks.amount')}
          <input
            type="number"
            inputMode="decimal"
            min={0}
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
          />
        </label>
        <label>
          {t('tasks.note')}
          <input value={note} onChange={(event) => setNote(event.target.value)} />
        </label>
      </div>
      <fieldset className="task-outcomes">
        <legend className="visually-hidden">{t('tasks.outcome')}</legend>
        {taskOutcomes.map((outcome) => (
          <button
            key={outcome}
            type="button"
            className={`task-outcome task-outcome-${outcome}`}
            disabled={busy}
            onClick={() => onComplete({ outcome, ...details })}
          >
            {t(`tasks.outcomes.${outcome}`)}
          </button>
        ))}
      </fieldset>
    </article>
  );
}

/**
 * The inbox of relationship managers and call-center agents, made for a phone: their open tasks, soonest due
 * first; one tap records the outcome, which moves the customer's journey on. `?assignee=` picks the staff member.
 */
export function TaskInbox() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const search = useSearch();
  // `?assignee=` may stand before the hash (`/?assignee=rm1#/tasks`) or inside it (`#/tasks?assignee=rm1`).
  const [assignee, setAssignee] = useState(
    () => new URLSearchParams(search || window.location.hash.split('?')[1] || '').get('assignee') ?? '',
  );
  const [recorded, setRecorded] = useState('');
  const staff = useQuery({ queryKey: taskKeys.staff(), queryFn: tasksApi.activeStaff });
  const tasks = useQuery({
    queryKey: taskKeys.open(assignee),
    queryFn: () => tasksApi.open(assignee),
    enabled: assignee !== '',
  });
  const complete = useMutation({
    mutationFn: ({ task, completion }: { task: TaskDto; completion: TaskCompletion }) =>
      tasksApi.complete(task.id, completion),
    onSuccess: (_done, { task, completion }) => {
      setRecorded(
        t('tasks.recorded', { customer: customerName(task), outcome: t(`tasks.outcomes.${completion.outcome}`) }),
      );
      void queryClient.invalidateQueries({ queryKey: taskKeys.open(assignee) });
    },
    onError: (error) => notifyError(t('tasks.completeFailed'), error),
  });

  return (
    <main className="task-inbox">
      <header className="task-inbox-header">
        <h1>{t('tasks.title')}</h1>
        <LanguageSwitch />
      </header>
      <label className="task-assignee">
        {t('tasks.assignee')}
        <select value={assignee} onChange={(event) => setAssignee(event.target.value)}>
          <option value="">{t('tasks.chooseAssignee')}</option>
          {staff.data?.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name} ({member.id})
            </option>
          ))}
        </select>
      </label>
      <p className="task-recorded" role="status">
        {recorded}
      </p>
      {assignee === '' ? (
        <p className="page-message">{t('tasks.pickAssignee')}</p>
      ) : tasks.isPending ? (
        <p className="page-message">{t('tasks.loading')}</p>
      ) : tasks.isError ? (
        <div className="page-message" role="alert">
          <p>{t('tasks.loadFailed')}</p>
          <ErrorDetails error={tasks.error} />
        </div>
      ) : tasks.data.length === 0 ? (
        <p className="page-message">{t('tasks.none')}</p>
      ) : (
        <ul className="task-list">
          {tasks.data.map((task) => (
            <li key={task.id}>
              <TaskCard
                task={task}
                busy={complete.isPending}
                onComplete={(completion) => complete.mutate({ task, completion })}
              />
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
