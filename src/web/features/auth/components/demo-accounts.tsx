import { List, SpinLoading, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { visibleRoles } from '../../../lib/roles';
import { useDemoAccounts, type DemoAccount } from '../api/list-demo-accounts';

interface DemoAccountsProps {
  onPick: (account: DemoAccount) => void;
  pendingPhone: string | undefined;
}

/** One-tap logins for every role, offered only when the node runs the demo world. */
export function DemoAccounts({ onPick, pendingPhone }: DemoAccountsProps) {
  const { t } = useTranslation();
  const demo = useDemoAccounts();
  // Outside demo mode, or if the list cannot be read, the login form alone is enough.
  if (!demo.data || demo.data.length === 0) return null;
  return (
    <section className="tt-auth-card tt-demo-list" aria-labelledby="tt-demo-title">
      <List
        header={
          <div>
            <div id="tt-demo-title" style={{ fontWeight: 600, color: 'var(--tt-ink)' }}>
              {t('auth.demo.title')}
            </div>
            <div className="tt-muted">{t('auth.demo.hint')}</div>
          </div>
        }
      >
        {demo.data.map((account) => (
          <List.Item
            key={account.phone}
            onClick={pendingPhone ? undefined : () => onPick(account)}
            arrowIcon={pendingPhone === account.phone ? <SpinLoading style={{ '--size': '18px' }} /> : true}
            description={account.description}
            extra={<span className="tt-muted">{t('auth.demo.loginAs')}</span>}
            aria-label={t('auth.demo.loginAsName', { name: account.displayName })}
          >
            <span>{account.displayName}</span>{' '}
            {visibleRoles(account.roles).map((role) => (
              <Tag key={role} color="primary" fill="outline" style={{ marginLeft: 4 }}>
                {t(`roles.${role}`)}
              </Tag>
            ))}
          </List.Item>
        ))}
      </List>
    </section>
  );
}
