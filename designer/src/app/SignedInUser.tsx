import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { authApi, authKeys } from '../api/auth';
import { notifyError } from '../ui/toasts';

/** Who is signed in, and the way out (a fresh page then asks for a key again). */
export function SignedInUser() {
  const { t } = useTranslation();
  const me = useQuery({ queryKey: authKeys.me, queryFn: authApi.me, enabled: false });
  if (!me.data) return null;
  const signOut = () =>
    authApi.logout().then(
      () => window.location.reload(),
      (error: unknown) => notifyError(t('signIn.signOut'), error),
    );
  return (
    <span className="signed-in">
      {t('signIn.signedInAs', { name: me.data.name, role: me.data.role })}
      <button type="button" className="link-button" onClick={() => void signOut()}>
        {t('signIn.signOut')}
      </button>
    </span>
  );
}
