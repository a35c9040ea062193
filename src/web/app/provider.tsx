import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, type ReactNode } from 'react';
import { FullPageSpinner } from '../components/full-page-status';
import { queryClient } from '../lib/query-client';
import { LocaleSync } from './locale-sync';

export function AppProvider({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleSync />
      <Suspense fallback={<FullPageSpinner />}>{children}</Suspense>
    </QueryClientProvider>
  );
}
