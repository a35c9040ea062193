import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { MobileProvider } from './mobile-provider';
import { MobileLoading } from './page-states';

/** Route element for every buyer-facing page: the antd-mobile kit, its locale and a phone-width column. */
export function MobileShell() {
  return (
    <MobileProvider>
      <Suspense fallback={<MobileLoading />}>
        <Outlet />
      </Suspense>
    </MobileProvider>
  );
}
