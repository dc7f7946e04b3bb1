import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi, authKeys } from '../api/auth';
import { ApiError, onUnauthorized } from '../api/http';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { ErrorDetails } from '../ui/ErrorDetails';
import { Modal } from '../ui/Modal';

const isUnauthorized = (error: unknown) => error instanceof ApiError && error.status === 401;

/**
 * Shows the app to a signed-in user (or to everyone when the runtime runs without authentication). A session
 * that expires later brings the sign-in up as a dialog over the page, so nothing being edited is lost.
 */
export function SignInGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useQuery({
    queryKey: authKeys.me,
    queryFn: authApi.me,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [signedIn, setSignedIn] = useState(false);
  const signInNeeded = isUnauthorized(me.error);
  if (!signedIn && (me.isSuccess || (me.isError && !signInNeeded))) setSignedIn(true);

  // A refusal anywhere while signed in: the session has ended, so ask who is there again.
  useEffect(
    () =>
      onUnauthorized(() => {
        // Not while asking already: that request's own refusal must not ask once more, and so on.
        const state = queryClient.getQueryState(authKeys.me);
        if (state?.status === 'success' && state.fetchStatus === 'idle') {
          void queryClient.invalidateQueries({ queryKey: authKeys.me });
        }
      }),
    [queryClient],
  );

  if (!signedIn) {
    if (me.isPending) return <p className="page-message">{t('signIn.checking')}</p>;
    return (
      <div className="page-message sign-in-page">
        <div className="sign-in-language">
          <LanguageSwitch />
        </div>
        <h1>{t('signIn.title')}</h1>
        <SignInForm />
      </div>
    );
  }
  return (
    <>
      {children}
      {signInNeeded && (
        // Not dismissible: nothing on the page works until someone signs in again.
        <Modal title={t('signIn.expired')} onClose={() => {}} actions={null}>
          <SignInForm />
        </Modal>
      )}
    </>
  );
}

function SignInForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [key, setKey] = useState('');
  const login = useMutation({
    mutationFn: authApi.login,
    // Everything asked for while signed out is asked again.
    onSuccess: () => queryClient.invalidateQueries(),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (key.trim()) login.mutate(key.trim());
  };
  return (
    <form className="sign-in" onSubmit={submit}>
      <p className="muted">{t('signIn.explained')}</p>
      <label className="field field-control">
        <span className="field-label">{t('signIn.key')}</span>
        <input
          type="password"
          autoComplete="current-password"
          value={key}
          onChange={(event) => setKey(event.target.value)}
        />
      </label>
      {login.isError && (
        <div className="banner error" role="alert">
          <ErrorDetails error={login.error} />
        </div>
      )}
      <button type="submit" className="primary-button" disabled={!key.trim() || login.isPending}>
        {t('signIn.submit')}
      </button>
    </form>
  );
}
