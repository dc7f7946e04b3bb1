import { useEffect } from 'react';
import { useJourneyStore } from '../store/journeyStore';

/** Keys typed into a form field belong to the field (its own undo, select-all, delete), and an open dialog's to it. */
function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
      target.closest('[aria-modal="true"]') !== null)
  );
}

/** What each shortcut does; `mod` is Ctrl, or Cmd on a Mac. */
function actionFor(event: KeyboardEvent): (() => void) | undefined {
  const store = useJourneyStore.getState();
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) return store.deleteSelected;
  if (!mod || event.altKey) return undefined;
  if (key === 'z') return event.shiftKey ? store.redo : store.undo;
  if (key === 'y') return store.redo;
  if (key === 'c') return store.copySelected;
  if (key === 'v') return store.paste;
  if (key === 'a') return store.selectAll;
  return undefined;
}

/** Delete/Backspace, Ctrl+C/V, Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y and Ctrl+A for the canvas. */
export function useEditorShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isEditable(event.target)) return;
      const action = actionFor(event);
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
