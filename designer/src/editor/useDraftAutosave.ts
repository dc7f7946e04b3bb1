import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { type JourneyRecord, journeyKeys, journeysApi } from '../api/journeys';
import { useJourneyStore } from '../store/journeyStore';
import { DraftAutosaver, type SaveState } from './draftAutosaver';

/** Quiet time after the last edit before the draft is saved. */
const AUTOSAVE_DELAY_MS = 800;

const DraftSaverContext = createContext<DraftAutosaver | null>(null);
export const DraftSaverProvider = DraftSaverContext.Provider;

export function useDraftSaver(): DraftAutosaver {
  const saver = useContext(DraftSaverContext);
  if (!saver) throw new Error('useDraftSaver needs a DraftSaverProvider (the editor page)');
  return saver;
}

export function useSaveState(): SaveState {
  const saver = useDraftSaver();
  return useSyncExternalStore(saver.subscribe, saver.getState);
}

/**
 * Saves the journey store's document to the runtime as the user edits (when `enabled`), saves what is left on
 * leaving the editor, and asks the browser to warn before closing the tab with changes not yet saved.
 */
export function useDraftAutosave(journeyId: string, enabled: boolean): DraftAutosaver {
  const queryClient = useQueryClient();
  const [saver] = useState(
    () =>
      new DraftAutosaver({
        saved: useJourneyStore.getState().document,
        delayMs: AUTOSAVE_DELAY_MS,
        save: async (document) => {
          const basedOn = queryClient.getQueryData<JourneyRecord>(journeyKeys.detail(journeyId))?.revision;
          const saved = await journeysApi.saveDraft(journeyId, document, basedOn);
          queryClient.setQueryData(journeyKeys.detail(journeyId), saved);
          void queryClient.invalidateQueries({ queryKey: journeyKeys.list() });
        },
      }),
  );

  useEffect(() => {
    if (!enabled) return;
    const unsubscribe = useJourneyStore.subscribe((state, previous) => {
      if (state.document !== previous.document) saver.change(state.document);
    });
    return () => {
      unsubscribe();
      void saver.flush();
    };
  }, [saver, enabled]);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (saver.getState().status !== 'saved') event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [saver]);

  return saver;
}
