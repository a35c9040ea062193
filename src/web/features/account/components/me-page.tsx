import { Button, Dialog, List, Segmented, Tag, Toast } from 'antd-mobile';
import { BillOutline, ClockCircleOutline, GiftOutline, TruckOutline } from 'antd-mobile-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MobileLanguageSwitch } from '../../../components/mobile/language-switch';
import { MobileError, MobileLoading } from '../../../components/mobile/page-states';
import { languages, useLanguage, type Language } from '../../../i18n';
import { useMe } from '../../../lib/auth/get-me';
import { useLogout } from '../../../lib/auth/logout';
import { errorMessage } from '../../../lib/form-errors';
import { maskPhone } from '../../../lib/format';
import { consolePath, consoleRoles, verifiableRoleList, visibleRoles } from '../../../lib/roles';
import { EditNamePopup } from './edit-name-popup';
import { latestVerification } from '../../../lib/verifications';
import { VerificationTag } from './verification-tag';
import { CoopInvitationsCard } from '../../coop/components/coop-invitations-card';

/** Where a buyer's orders wait: each opens its tab of 我的订单 (the orders pages are reached by path). */
const orderShortcuts = [
  { status: 'created', icon: <ClockCircleOutline aria-hidden="true" /> },
  { status: 'paid', icon: <GiftOutline aria-hidden="true" /> },
  { status: 'shipped', icon: <TruckOutline aria-hidden="true" /> },
  { status: 'completed', icon: <BillOutline aria-hidden="true" /> },
] as const;

export function MePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const logout = useLogout();
  const { language, setLanguage } = useLanguage();
  const [editingName, setEditingName] = useState(false);

  if (me.isPending) return <MobileLoading rows={8} />;
  if (!me.data) return <MobileError error={me.error} onRetry={() => void me.refetch()} />;
  const user = me.data;
  const consoles = consoleRoles.filter((role) => user.roles.includes(role));

  const confirmLogout = async () => {
    const ok = await Dialog.confirm({
      content: t('account.me.logoutConfirm'),
      confirmText: t('common.logout'),
      cancelText: t('common.cancel'),
    });
    if (!ok) return;
    logout.mutate(undefined, {
      onSuccess: () => void navigate('/login', { replace: true }),
      onError: (error) => Toast.show({ icon: 'fail', content: errorMessage(error, t('common.logoutFailed')) }),
    });
  };

  return (
    <>
      <header className="tt-profile">
        <MobileLanguageSwitch className="tt-profile-lang" />
        <div className="tt-profile-avatar" aria-hidden="true">
          {Array.from(user.displayName)[0] ?? '?'}
        </div>
        <div style={{ minWidth: 0 }}>
          <h1 className="tt-profile-name">{user.displayName}</h1>
          <div className="tt-profile-meta">
            <span>{maskPhone(user.phone)}</span>
            {visibleRoles(user.roles).map((role) => (
              <Tag key={role} round color="#ffffff" fill="outline">
                {t(`roles.${role}`)}
              </Tag>
            ))}
          </div>
        </div>
      </header>

      <div className="tt-home-body">
        <List header={t('account.me.ordersSection')} mode="card">
          <List.Item onClick={() => void navigate('/orders')} extra={t('account.me.allOrders')}>
            {t('account.me.myOrders')}
          </List.Item>
          <List.Item>
            <div className="tt-order-shortcuts">
              {orderShortcuts.map(({ status, icon }) => (
                <button type="button" key={status} className="tt-order-shortcut" onClick={() => void navigate(`/orders?status=${status}`)}>
                  {icon}
                  <span>{t(`account.me.orderShortcuts.${status}`)}</span>
                </button>
              ))}
            </div>
          </List.Item>
        </List>

        <List header={t('account.me.accountSection')} mode="card">
          <List.Item extra={user.displayName} onClick={() => setEditingName(true)}>
            {t('auth.fields.displayName')}
          </List.Item>
          <List.Item extra={maskPhone(user.phone)}>{t('auth.fields.phone')}</List.Item>
          <List.Item onClick={() => void navigate('/me/addresses')}>{t('account.addresses.title')}</List.Item>
          <List.Item
            extra={
              <Segmented
                value={language}
                onChange={(value) => void setLanguage(value as Language)}
                options={languages.map((lng) => ({ value: lng, label: t(`language.names.${lng}`) }))}
              />
            }
          >
            {t('language.label')}
          </List.Item>
        </List>

        <List header={t('account.me.verifySection')} mode="card">
          {verifiableRoleList.map((role) => {
            const held = user.roles.includes(role);
            const latest = latestVerification(user, role);
            return (
              <List.Item
                key={role}
                onClick={() => void navigate(`/me/verification?role=${role}`)}
                description={t(`account.verification.roleIntro.${role}`)}
                extra={held ? <VerificationTag status="approved" /> : latest && <VerificationTag status={latest.status} />}
              >
                {t(`account.me.become.${role}`)}
              </List.Item>
            );
          })}
        </List>

        <CoopInvitationsCard />

        {consoles.length > 0 && (
          <List header={t('account.me.workbenchSection')} mode="card">
            {consoles.map((role) => (
              <List.Item key={role} onClick={() => void navigate(consolePath(role))}>
                {t(`console.names.${role}`)}
              </List.Item>
            ))}
          </List>
        )}

        <div className="tt-form-footer">
          <Button block color="danger" fill="outline" loading={logout.isPending} onClick={() => void confirmLogout()}>
            {t('common.logout')}
          </Button>
        </div>
      </div>
      <EditNamePopup visible={editingName} displayName={user.displayName} onClose={() => setEditingName(false)} />
    </>
  );
}
