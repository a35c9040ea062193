import { lazy } from 'react';
import { Outlet } from 'react-router';
import type { Role } from '../../../contracts/accounts';
import { homePathFor } from '../../lib/roles';
import { WithUser } from './require-auth';

const ForbiddenPage = lazy(() =>
  import('../../components/console/result-pages').then((m) => ({ default: m.ForbiddenPage })),
);

export function RequireRole({ role }: { role: Role }) {
  return (
    <WithUser>
      {(user) => (user.roles.includes(role) ? <Outlet /> : <ForbiddenPage role={role} home={homePathFor(user.roles)} />)}
    </WithUser>
  );
}
