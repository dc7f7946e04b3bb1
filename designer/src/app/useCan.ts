import { can, isRole, type Permission } from '@journey/shared';
import { useQuery } from '@tanstack/react-query';
import { authApi, authKeys } from '../api/auth';

/**
 * What the signed-in user may do, to decide which actions to offer. Only a hint for the interface: the runtime
 * checks every request with the same grants. Unknown (authentication off, or no answer about who is signed in)
 * counts as allowed, so the runtime's refusal is what the user sees rather than a missing button.
 */
export function usePermissions(): (permission: Permission) => boolean {
  const me = useQuery({ queryKey: authKeys.me, queryFn: authApi.me, enabled: false });
  const role = me.data?.role;
  return (permission) => role === undefined || (isRole(role) && can(role, permission));
}

/** Whether to offer the actions that need `permission`. */
export function useCan(permission: Permission): boolean {
  return usePermissions()(permission);
}
