import { Button, Dialog, List, Skeleton, Space, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyCoopView } from '../../../../contracts/coop';
import { useLanguage } from '../../../i18n';
import { useMe } from '../../../lib/auth/get-me';
import { errorMessage } from '../../../lib/form-errors';
import { formatDate } from '../../../lib/format';
import { useAcceptCoopInvitation } from '../api/accept-invitation';
import { useLeaveCoop } from '../api/leave-coop';
import { useMyCoops } from '../api/list-my-coops';

/**
 * The seller's side of co-op membership on the "me" page: open invitations to accept or
 * decline, and the co-op they belong to. Renders nothing for people who do not sell.
 */
export function CoopInvitationsCard() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { data: me } = useMe();
  const isSeller = me?.roles.includes('seller') ?? false;
  const coops = useMyCoops({ enabled: isSeller });
  const accept = useAcceptCoopInvitation();
  const leave = useLeaveCoop();
  // Which row is busy, so one tap does not spin every button on the card.
  const [busy, setBusy] = useState<string>();

  if (!isSeller) return null;

  const fail = (error: unknown) => Toast.show({ icon: 'fail', content: errorMessage(error, t('common.requestFailed')) });
  const confirm = (content: string, confirmText: string) => Dialog.confirm({ content, confirmText, cancelText: t('common.cancel') });

  const onAccept = async (coop: MyCoopView) => {
    if (!(await confirm(t('coop.me.acceptConfirm', { name: coop.coopName }), t('coop.me.accept')))) return;
    setBusy(`accept:${coop.coopId}`);
    accept.mutate(coop.coopId, {
      onSuccess: () => Toast.show({ icon: 'success', content: t('coop.me.accepted', { name: coop.coopName }) }),
      onError: fail,
      onSettled: () => setBusy(undefined),
    });
  };

  const onLeave = async (coop: MyCoopView, declining: boolean) => {
    const question = declining ? t('coop.me.declineConfirm', { name: coop.coopName }) : t('coop.me.leaveConfirm', { name: coop.coopName });
    if (!(await confirm(question, declining ? t('coop.me.decline') : t('coop.me.leave')))) return;
    setBusy(`leave:${coop.coopId}`);
    leave.mutate(coop.coopId, {
      onSuccess: () => Toast.show({ icon: 'success', content: declining ? t('coop.me.declined') : t('coop.me.left', { name: coop.coopName }) }),
      onError: fail,
      onSettled: () => setBusy(undefined),
    });
  };

  let body;
  if (coops.isPending) {
    body = (
      <List.Item>
        <div role="status" aria-label={t('common.loading')}>
          <Skeleton.Paragraph lineCount={2} animated />
        </div>
      </List.Item>
    );
  } else if (coops.isError) {
    body = (
      <List.Item
        description={errorMessage(coops.error, t('common.requestFailed'))}
        extra={
          <Button size="mini" fill="outline" onClick={() => void coops.refetch()}>
            {t('common.retry')}
          </Button>
        }
      >
        {t('common.loadFailed')}
      </List.Item>
    );
  } else if (coops.data.invitations.length === 0 && coops.data.memberships.length === 0) {
    body = <List.Item description={t('coop.me.emptyHint')}>{t('coop.me.empty')}</List.Item>;
  } else {
    body = (
      <>
        {coops.data.memberships.map((coop) => (
          <List.Item
            key={coop.coopId}
            description={coop.joinedAt ? t('coop.me.joinedAt', { date: formatDate(coop.joinedAt, language) }) : undefined}
            extra={
              <Button
                size="mini"
                fill="outline"
                color="danger"
                loading={busy === `leave:${coop.coopId}`}
                disabled={busy !== undefined}
                onClick={() => void onLeave(coop, false)}
              >
                {t('coop.me.leave')}
              </Button>
            }
          >
            <Space align="center" wrap>
              <span>{coop.coopName}</span>
              <Tag color="success" fill="outline">
                {t('coop.me.member')}
              </Tag>
            </Space>
          </List.Item>
        ))}
        {coops.data.invitations.map((coop) => (
          <List.Item key={coop.coopId} description={t('coop.me.invitationHint')}>
            <div>{t('coop.me.invitation', { name: coop.coopName })}</div>
            <Space style={{ marginTop: 8 }}>
              <Button
                size="small"
                color="primary"
                loading={busy === `accept:${coop.coopId}`}
                disabled={busy !== undefined}
                onClick={() => void onAccept(coop)}
              >
                {t('coop.me.accept')}
              </Button>
              <Button
                size="small"
                fill="outline"
                loading={busy === `leave:${coop.coopId}`}
                disabled={busy !== undefined}
                onClick={() => void onLeave(coop, true)}
              >
                {t('coop.me.decline')}
              </Button>
            </Space>
          </List.Item>
        ))}
      </>
    );
  }

  return (
    <List header={t('coop.me.title')} mode="card">
      {body}
    </List>
  );
}
