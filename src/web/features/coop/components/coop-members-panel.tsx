import { UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Grid, Input, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoopMemberStatus, CoopMemberView } from '../../../../contracts/coop';
import { ConsoleEmpty, ConsoleError } from '../../../components/console/page-states';
import { RefreshButton } from '../../../components/console/refresh-button';
import { useLanguage } from '../../../i18n';
import { errorMessage, fieldErrorsFor } from '../../../lib/form-errors';
import { formatDate } from '../../../lib/format';
import { useInviteCoopMember } from '../api/invite-member';
import { useCoopMembers } from '../api/list-members';
import { useRemoveCoopMember } from '../api/remove-member';

const statusColor: Record<CoopMemberStatus, string> = { invited: 'gold', active: 'green' };
const phonePattern = /^1[3-9][0-9]{9}$/;

function InviteForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ phone: string }>();
  const invite = useInviteCoopMember();
  const [formError, setFormError] = useState<string>();
  // One line on a desk, stacked on a phone so the number field is not squeezed off screen.
  const wide = Grid.useBreakpoint().sm ?? true;

  const submit = ({ phone }: { phone: string }) => {
    setFormError(undefined);
    invite.mutate(
      { phone: phone.trim() },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('coop.members.invited'));
        },
        onError: (error) => {
          const fields = fieldErrorsFor(error, ['phone'], { COOP_ALREADY_INVITED: 'phone' });
          form.setFields(fields);
          // Errors that are about no input in particular (network, server) still need saying.
          if (fields.length === 0) setFormError(errorMessage(error, t('common.requestFailed')));
        },
      },
    );
  };

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {formError && <Alert type="error" showIcon title={formError} closable onClose={() => setFormError(undefined)} />}
      <Form form={form} layout={wide ? 'inline' : 'vertical'} onFinish={submit} requiredMark={false} style={{ rowGap: 8 }}>
        <Form.Item
          name="phone"
          label={t('coop.members.phone')}
          validateTrigger="onSubmit"
          rules={[
            { required: true, whitespace: true, message: t('coop.members.phoneRequired') },
            { pattern: phonePattern, message: t('coop.members.phoneInvalid') },
          ]}
        >
          <Input inputMode="numeric" autoComplete="off" maxLength={11} placeholder={t('coop.members.phonePlaceholder')} style={{ width: wide ? 220 : '100%' }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<UserAddOutlined />} loading={invite.isPending}>
            {t('coop.members.invite')}
          </Button>
        </Form.Item>
      </Form>
    </Space>
  );
}

export function CoopMembersPanel() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const members = useCoopMembers();
  const remove = useRemoveCoopMember();
  const [removingId, setRemovingId] = useState<string>();

  const nameOf = (member: CoopMemberView) => member.shopName ?? member.displayName;

  const removeMember = (member: CoopMemberView) => {
    setRemovingId(member.memberId);
    remove.mutate(member.memberId, {
      onSuccess: () =>
        void message.success(t(member.status === 'active' ? 'coop.members.removed' : 'coop.members.withdrawn', { name: nameOf(member) })),
      onError: (error) => void message.error(errorMessage(error, t('common.requestFailed'))),
      onSettled: () => setRemovingId(undefined),
    });
  };

  const columns: TableColumnsType<CoopMemberView> = [
    {
      title: t('coop.members.columns.member'),
      key: 'member',
      render: (_, member) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{nameOf(member)}</Typography.Text>
          {member.shopName && <Typography.Text type="secondary">{member.displayName}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('coop.members.columns.phone'),
      dataIndex: 'maskedPhone',
      width: 140,
    },
    {
      title: t('coop.members.columns.status'),
      dataIndex: 'status',
      width: 110,
      render: (status: CoopMemberStatus) => <Tag color={statusColor[status]}>{t(`coop.members.status.${status}`)}</Tag>,
    },
    {
      title: t('coop.members.columns.since'),
      key: 'since',
      width: 150,
      render: (_, member) =>
        member.joinedAt
          ? t('coop.members.joinedAt', { date: formatDate(member.joinedAt, language) })
          : t('coop.members.invitedAt', { date: formatDate(member.invitedAt, language) }),
    },
    {
      title: t('coop.members.columns.actions'),
      key: 'actions',
      width: 120,
      render: (_, member) => {
        const active = member.status === 'active';
        return (
          <Popconfirm
            title={t(active ? 'coop.members.removeTitle' : 'coop.members.withdrawTitle')}
            description={t(active ? 'coop.members.removeDescription' : 'coop.members.withdrawDescription', { name: nameOf(member) })}
            okText={t(active ? 'coop.members.remove' : 'coop.members.withdraw')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => removeMember(member)}
          >
            <Button danger size="small" loading={removingId === member.memberId} disabled={removingId !== undefined && removingId !== member.memberId}>
              {t(active ? 'coop.members.remove' : 'coop.members.withdraw')}
            </Button>
          </Popconfirm>
        );
      },
    },
  ];

  const items = members.data ?? [];
  const active = items.filter((m) => m.status === 'active').length;

  return (
    <Card
      title={t('coop.members.title')}
      extra={
        <Space>
          {members.data && (
            <Typography.Text type="secondary" className="tt-hide-xs">
              {t('coop.members.count', { active, invited: items.length - active })}
            </Typography.Text>
          )}
          <RefreshButton loading={members.isFetching} onRefresh={() => void members.refetch()} />
        </Space>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('coop.members.intro')}
        </Typography.Paragraph>
        <InviteForm />
        {members.isError && !members.data ? (
          <ConsoleError error={members.error} onRetry={() => void members.refetch()} />
        ) : (
          <Table<CoopMemberView>
            rowKey="memberId"
            columns={columns}
            dataSource={items}
            loading={members.isPending}
            pagination={false}
            scroll={{ x: 640 }}
            size="middle"
            locale={{ emptyText: <ConsoleEmpty title={t('coop.members.empty')} description={t('coop.members.emptyHint')} /> }}
          />
        )}
      </Space>
    </Card>
  );
}
