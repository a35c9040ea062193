import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { UserView } from '../../../contracts/accounts';
import { FullPageError, FullPageSpinner } from '../../components/full-page-status';
import { useMe } from '../../lib/auth/get-me';
import { errorMessage } from '../../lib/form-errors';

/** Renders `children(user)` for a logged-in person; sends everyone else to login with a way back. */
export function WithUser({ children }: { children: (user: UserView) => ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <FullPageSpinner />;
  if (me.isError && me.data === undefined) {
    return <FullPageError message={errorMessage(me.error, t('common.requestFailed'))} onRetry={() => void me.refetch()} />;
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children(me.data)}</>;
}

export function RequireAuth() {
  return <WithUser>{() => <Outlet />}</WithUser>;
}
