import { NavBar } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { MobileLanguageSwitch } from './language-switch';

interface MobilePageProps {
  title: string;
  /** Where the back arrow goes when there is no history to return to (a deep link). */
  backTo?: string;
  right?: ReactNode;
  children: ReactNode;
}

export function MobilePage({ title, backTo, right, children }: MobilePageProps) {
  const navigate = useNavigate();
  const goBack = () => {
    if (window.history.state && typeof window.history.state.idx === 'number' && window.history.state.idx > 0) {
      void navigate(-1);
    } else {
      void navigate(backTo ?? '/');
    }
  };
  return (
    <div className="tt-mobile-page">
      <NavBar
        className="tt-nav-bar"
        back={backTo === undefined ? null : ''}
        onBack={backTo === undefined ? undefined : goBack}
        right={right ?? <MobileLanguageSwitch />}
      >
        {title}
      </NavBar>
      <main className="tt-mobile-content">{children}</main>
    </div>
  );
}
