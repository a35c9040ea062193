import { LogoutOutlined, MenuOutlined, ShopOutlined, SwapOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Drawer, Dropdown, Grid, Layout, Menu, Tag, Typography, type MenuProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../../lib/auth/get-me';
import { useLogout } from '../../lib/auth/logout';
import { errorMessage } from '../../lib/form-errors';
import { maskPhone } from '../../lib/format';
import { consolePath, consoleRoles, type ConsoleRole } from '../../lib/roles';
import { ConsoleLanguageSwitch } from './language-switch';

export interface ConsoleMenuItem {
  key: string;
  icon: ReactNode;
  label: string;
  /** Sections that later releases fill in stay visible but disabled, so people see what is coming. */
  comingSoon?: boolean;
}

interface ConsoleLayoutProps {
  role: ConsoleRole;
  items: ConsoleMenuItem[];
  selectedKey: string;
  onSelect?: (key: string) => void;
  children: ReactNode;
}

function Brand() {
  const { t } = useTranslation();
  return (
    <div className="tt-console-brand">
      <span className="tt-logo-mark" aria-hidden="true">
        田
      </span>
      <span className="tt-console-brand-name">{t('app.fullName')}</span>
    </div>
  );
}

export function ConsoleLayout({ role, items, selectedKey, onSelect, children }: ConsoleLayoutProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const isDesktop = screens.md ?? true;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { data: me } = useMe();
  const logout = useLogout();
  const { message } = App.useApp();

  const menuItems: MenuProps['items'] = items.map((item) => ({
    key: item.key,
    icon: item.icon,
    disabled: item.comingSoon,
    label: item.comingSoon ? (
      <span className="tt-menu-soon">
        {item.label}
        <Tag bordered={false} className="tt-soon-tag">
          {t('common.comingSoon')}
        </Tag>
      </span>
    ) : (
      item.label
    ),
  }));

  const menu = (
    <Menu
      mode="inline"
      items={menuItems}
      selectedKeys={[selectedKey]}
      onClick={({ key }) => {
        setDrawerOpen(false);
        onSelect?.(key);
      }}
      className="tt-console-menu"
    />
  );

  const otherConsoles = consoleRoles.filter((r) => r !== role && (me?.roles.includes(r) ?? false));
  const userMenu: MenuProps['items'] = [
    ...(otherConsoles.length > 0
      ? [
          {
            key: 'switch',
            type: 'group' as const,
            label: t('console.userMenu.switchConsole'),
            children: otherConsoles.map((r) => ({
              key: `console:${r}`,
              icon: <SwapOutlined />,
              label: t(`console.names.${r}`),
            })),
          },
          { type: 'divider' as const },
        ]
      : []),
    { key: 'buyer', icon: <ShopOutlined />, label: t('console.userMenu.buyerApp') },
    { key: 'account', icon: <UserOutlined />, label: t('console.userMenu.account') },
    { type: 'divider' as const },
    { key: 'logout', icon: <LogoutOutlined />, danger: true, label: t('common.logout') },
  ];

  const onUserMenu: MenuProps['onClick'] = ({ key }) => {
    if (key.startsWith('console:')) void navigate(consolePath(key.slice('console:'.length) as ConsoleRole));
    else if (key === 'buyer') void navigate('/');
    else if (key === 'account') void navigate('/me');
    else if (key === 'logout') {
      logout.mutate(undefined, {
        onSuccess: () => void navigate('/login', { replace: true }),
        onError: (error) => void message.error(errorMessage(error, t('common.logoutFailed'))),
      });
    }
  };

  return (
    <Layout className="tt-console">
      {isDesktop ? (
        <Layout.Sider width={232} className="tt-console-sider">
          <Brand />
          {menu}
        </Layout.Sider>
      ) : (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          title={<Brand />}
          styles={{ body: { padding: 0 } }}
        >
          {menu}
        </Drawer>
      )}
      <Layout>
        <Layout.Header className="tt-console-header">
          {!isDesktop && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              onClick={() => setDrawerOpen(true)}
              aria-label={t('console.openMenu')}
            />
          )}
          <Typography.Title level={1} className="tt-console-title" ellipsis>
            {t(`console.names.${role}`)}
          </Typography.Title>
          <div className="tt-console-header-actions">
            <ConsoleLanguageSwitch />
            {me && (
              <Dropdown trigger={['click']} menu={{ items: userMenu, onClick: onUserMenu }} placement="bottomRight">
                <Button type="text" className="tt-user-button" aria-label={t('console.userMenu.label')}>
                  <Avatar size="small" className="tt-avatar">
                    {Array.from(me.displayName)[0] ?? '?'}
                  </Avatar>
                  <span className="tt-hide-xs">
                    {me.displayName}
                    <span className="tt-user-phone"> · {maskPhone(me.phone)}</span>
                  </span>
                </Button>
              </Dropdown>
            )}
          </div>
        </Layout.Header>
        <Layout.Content className="tt-console-content">
          <div className="tt-console-container">{children}</div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
