import { can, isRole } from '@journey/shared';
import { useQuery } from '@tanstack/react-query';
import { authApi, authKeys } from '../api/auth';

/**
 * Whether to offer edit actions (journeys, templates, creatives) to the signed-in user. Only a hint for the
 * interface: the runtime checks every request with the same grants. Unknown (no answer about who is signed in)
 * counts as yes, so the runtime's refusal is what the user sees rather than a missing button.
 */
export function useCanEditJourneys(): boolean {
  const me = useQuery({ queryKey: authKeys.me, queryFn: authApi.me, enabled: false });
  return !me.data || (isRole(me.data.role) && can(me.data.role, 'journeys:edit'));
}
