import { Navigate, Outlet, useSearchParams } from 'react-router';
import { FullPageSpinner } from '../../components/full-page-status';
import { useMe } from '../../lib/auth/get-me';
import { homePathFor, safeNextPath } from '../../lib/roles';

/**
 * Login and register pages. Once a session exists (including right after a successful login,
 * which puts the user into the cache) the person moves on to `next` or their role's home.
 */
export function GuestOnly() {
  const [params] = useSearchParams();
  const me = useMe();
  // A session check that is failing (and retrying) must not keep anyone from the login form.
  if (me.isPending && me.failureCount === 0) return <FullPageSpinner />;
  if (me.data) return <Navigate to={safeNextPath(params.get('next')) ?? homePathFor(me.data.roles)} replace />;
  return <Outlet />;
}
