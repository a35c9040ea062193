import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { ConsoleProvider } from './console-provider';
import { ConsoleLoading } from './page-states';

/** Route element for every console: the antd kit with the tea-green theme and matching locale. */
export function ConsoleShell() {
  return (
    <ConsoleProvider>
      <Suspense
        fallback={
          <div className="tt-console-container tt-console-boot">
            <ConsoleLoading />
          </div>
        }
      >
        <Outlet />
      </Suspense>
    </ConsoleProvider>
  );
}
