import { useQuery } from '@tanstack/react-query';
import { type JourneyRecord, journeyKeys, journeysApi } from '../api/journeys';

const RECORD_FRESH_MS = 10_000;

/**
 * The journey as the runtime has it (status, live version, saved draft), shared by everything on the page.
 * With `select`, the caller re-renders only when the selected part changes (not on every autosave).
 */
export function useJourneyRecord<Selected = JourneyRecord>(
  journeyId: string,
  select?: (journey: JourneyRecord) => Selected,
) {
  return useQuery({
    queryKey: journeyKeys.detail(journeyId),
    queryFn: () => journeysApi.get(journeyId),
    select,
    // Each panel that mounts asks for the record; within this time they share the last answer.
    staleTime: RECORD_FRESH_MS,
  });
}

/** For components inside the editor, which renders only once the journey has loaded. */
export function useLoadedJourney<Selected = JourneyRecord>(
  journeyId: string,
  select?: (journey: JourneyRecord) => Selected,
): Selected {
  const { data } = useJourneyRecord(journeyId, select);
  if (data === undefined) throw new Error(`journey ${journeyId} is not loaded`);
  return data;
}

export const selectStatus = (journey: JourneyRecord) => journey.status;
export const selectLiveVersion = (journey: JourneyRecord) => journey.liveVersion;
