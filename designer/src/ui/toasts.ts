import { create } from 'zustand';
import { ApiError, type ApiIssue } from '../api/http';
import { i18n } from '../i18n';

export interface Toast {
  id: number;
  tone: 'success' | 'error';
  title: string;
  detail?: string;
  issues?: readonly ApiIssue[];
}

interface ToastStore {
  toasts: Toast[];
  dismiss(id: number): void;
}

/** Success notes go away by themselves; errors stay until read and closed. */
const SUCCESS_MS = 5000;
let nextId = 1;

export const useToasts = create<ToastStore>()((set) => ({
  toasts: [],
  dismiss: (id) => set(({ toasts }) => ({ toasts: toasts.filter((toast) => toast.id !== id) })),
}));

function push(toast: Omit<Toast, 'id'>): void {
  const id = nextId++;
  useToasts.setState(({ toasts }) => ({ toasts: [...toasts, { ...toast, id }] }));
  if (toast.tone === 'success') setTimeout(() => useToasts.getState().dismiss(id), SUCCESS_MS);
}

/** What went wrong, in the server's words when it answered, with the fields it named. */
export function errorDetails(error: unknown): { detail: string; issues: readonly ApiIssue[] } {
  if (error instanceof ApiError) {
    return { detail: error.status === 0 ? i18n.t('errors.unreachable') : error.message, issues: error.issues };
  }
  return { detail: error instanceof Error ? error.message : String(error), issues: [] };
}

export function notifySuccess(title: string, detail?: string): void {
  push({ tone: 'success', title, ...(detail ? { detail } : {}) });
}

export function notifyError(title: string, error: unknown): void {
  push({ tone: 'error', title, ...errorDetails(error) });
}
