import { SafeArea, TabBar } from 'antd-mobile';
import { AppOutline, BillOutline, PlayOutline, ShopbagOutline, UserOutline } from 'antd-mobile-icons';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { MobileLoading } from './page-states';

const tabs = [
  { key: '/', icon: <AppOutline />, label: 'nav.home' },
  { key: '/live', icon: <PlayOutline />, label: 'nav.live' },
  { key: '/cart', icon: <ShopbagOutline />, label: 'nav.cart' },
  { key: '/orders', icon: <BillOutline />, label: 'nav.orders' },
  { key: '/me', icon: <UserOutline />, label: 'nav.me' },
] as const;

export function TabLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const active = tabs.find((tab) => tab.key === pathname)?.key ?? '/';
  return (
    <div className="tt-tab-layout">
      <div className="tt-tab-content">
        <Suspense fallback={<MobileLoading />}>
          <Outlet />
        </Suspense>
      </div>
      <nav className="tt-tab-bar" aria-label={t('nav.label')}>
        <TabBar activeKey={active} onChange={(key) => void navigate(key)} safeArea={false}>
          {tabs.map((tab) => (
            <TabBar.Item key={tab.key} icon={tab.icon} title={t(tab.label)} />
          ))}
        </TabBar>
        <SafeArea position="bottom" />
      </nav>
    </div>
  );
}
