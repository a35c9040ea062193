import { DeleteOutlined, MoreOutlined, SendOutlined, StopOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Col, Dropdown, Empty, Input, Row, Space, Statistic, Tag, Typography, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chatMaxLength, type RoomAccess } from '../../../../contracts/room';
import { useLanguage } from '../../../i18n';
import { errorMessage } from '../../../lib/form-errors';
import { formatClock } from '../../../lib/format';
import { useChatScroll } from '../../../lib/room/use-chat-scroll';
import type { ChatLine, RoomStatus, UseRoomResult } from '../../../lib/room/use-room';
import { useAddModerator } from '../api/add-moderator';
import { useAddSanction } from '../api/add-sanction';
import { useDeleteChatMessage } from '../api/delete-chat-message';

type LineAction = 'delete' | 'mute10' | 'mute60' | 'ban' | 'moderator';

const statusBadge: Record<RoomStatus, 'success' | 'processing' | 'error' | 'default'> = {
  open: 'success',
  connecting: 'processing',
  reconnecting: 'processing',
  banned: 'error',
  idle: 'default',
};

function ConnectionBadge({ status }: { status: RoomStatus }) {
  const { t } = useTranslation();
  return <Badge status={statusBadge[status]} text={t(`lives.console.connection.${status}`)} />;
}

/** The anchor says something in their own room, with the 主播 badge. */
function AnchorInput({ room }: { room: UseRoomResult }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const send = async () => {
    const body = text.trim();
    if (!body || sending) return;
    setSending(true);
    const reply = await room.sendChat(body);
    setSending(false);
    if (reply.ok) setText('');
    else void message.error(reply.error.message);
  };
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        value={text}
        onChange={(e) => setText(e.target.value)}
        onPressEnter={() => void send()}
        maxLength={chatMaxLength}
        placeholder={t('lives.console.chatPlaceholder')}
        aria-label={t('lives.console.chatPlaceholder')}
        disabled={room.status !== 'open'}
      />
      <Button type="primary" icon={<SendOutlined />} loading={sending} disabled={!text.trim() || room.status !== 'open'} onClick={() => void send()}>
        {t('lives.console.send')}
      </Button>
    </Space.Compact>
  );
}

interface RoomChatCardProps {
  roomId: string;
  room: UseRoomResult;
  access: RoomAccess;
  meId: string | null;
}

/** 互动: the counts and the chat as it happens, each line with what a moderator may do about it. */
export function RoomChatCard({ roomId, room, access, meId }: RoomChatCardProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message, modal } = App.useApp();
  const remove = useDeleteChatMessage();
  const sanction = useAddSanction();
  const appoint = useAddModerator();
  const state = room.room;
  const { ref, onScroll, unseen, jumpDown } = useChatScroll<HTMLDivElement>(state.chat);
  const fail = (error: unknown) => void message.error(errorMessage(error, t('common.requestFailed')));

  const itemsFor = (line: ChatLine): MenuProps['items'] => {
    // Nobody moderates the anchor; moderators may lose a line but not their voice.
    if (line.role === 'anchor') return [];
    const items: NonNullable<MenuProps['items']> = [{ key: 'delete', icon: <DeleteOutlined />, label: t('lives.console.delete') }];
    if (line.role === 'viewer' && line.userId !== meId) {
      items.push(
        { key: 'mute10', label: t('lives.console.mute', { n: 10 }) },
        { key: 'mute60', label: t('lives.console.muteHour') },
        { key: 'ban', icon: <StopOutlined />, danger: true, label: t('lives.console.ban') },
      );
      if (access.isAnchor) items.push({ type: 'divider' }, { key: 'moderator', icon: <UserAddOutlined />, label: t('lives.console.makeModerator') });
    }
    return items;
  };

  const act = (line: ChatLine, action: LineAction) => {
    const name = line.name;
    switch (action) {
      case 'delete':
        remove.mutateAsync({ roomId, messageId: line.id }).catch(fail);
        return;
      case 'mute10':
      case 'mute60': {
        const minutes = action === 'mute10' ? 10 : 60;
        sanction.mutateAsync({ roomId, body: { userId: line.userId, kind: 'mute', minutes } }).then(
          () => void message.success(t('lives.console.muted', { name, n: minutes })),
          fail,
        );
        return;
      }
      case 'ban':
        modal.confirm({
          title: t('lives.console.banConfirm', { name }),
          content: t('lives.console.banConfirmText'),
          okText: t('lives.console.ban'),
          okButtonProps: { danger: true },
          cancelText: t('common.cancel'),
          onOk: () =>
            sanction.mutateAsync({ roomId, body: { userId: line.userId, kind: 'ban' } }).then(
              () => void message.success(t('lives.console.banned', { name })),
              fail,
            ),
        });
        return;
      case 'moderator':
        modal.confirm({
          title: t('lives.console.moderatorConfirm', { name }),
          content: t('lives.console.moderatorConfirmText'),
          okText: t('lives.console.makeModerator'),
          cancelText: t('common.cancel'),
          onOk: () =>
            appoint.mutateAsync({ roomId, userId: line.userId }).then(
              () => void message.success(t('lives.console.moderatorAdded', { name })),
              fail,
            ),
        });
        return;
    }
  };

  return (
    <Card title={t('lives.console.chatTitle')} extra={<ConnectionBadge status={room.status} />}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Row gutter={16}>
          <Col span={8}>
            <Statistic title={t('lives.console.viewers')} value={state.viewers} />
          </Col>
          <Col span={8}>
            <Statistic title={t('lives.console.likes')} value={state.likes + state.likesInFlight + room.pendingLikes} />
          </Col>
          <Col span={8}>
            <Statistic
              title={t('lives.console.slowMode')}
              value={state.slowModeSeconds > 0 ? t('lives.console.seconds', { n: state.slowModeSeconds }) : t('lives.console.off')}
            />
          </Col>
        </Row>
        <div className="tt-console-chat-wrap">
          <div ref={ref} className="tt-console-chat" role="log" aria-label={t('lives.console.chatTitle')} onScroll={onScroll}>
            {state.chat.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lives.console.chatEmpty')} />
            ) : (
              state.chat.map((line) => {
                const items = itemsFor(line);
                return (
                  <div key={line.id} className="tt-console-chat-line">
                    <span className="tt-console-chat-time">{formatClock(line.at, language)}</span>
                    <span className="tt-console-chat-body">
                      {line.role !== 'viewer' && (
                        <Tag color={line.role === 'anchor' ? 'red' : 'green'} className="tt-console-chat-role">
                          {t(`lives.console.roles.${line.role}`)}
                        </Tag>
                      )}
                      <Typography.Text strong>{line.name}</Typography.Text>
                      <span className="tt-console-chat-text">{line.text}</span>
                    </span>
                    {items && items.length > 0 && (
                      <Dropdown trigger={['click']} menu={{ items, onClick: ({ key }) => act(line, key as LineAction) }}>
                        <Button size="small" type="text" icon={<MoreOutlined />} aria-label={t('lives.console.lineActions', { name: line.name })} />
                      </Dropdown>
                    )}
                  </div>
                );
              })
            )}
          </div>
          {unseen > 0 && (
            <Button size="small" shape="round" type="primary" className="tt-console-chat-more" onClick={jumpDown}>
              {t('lives.console.newMessages', { n: unseen })}
            </Button>
          )}
        </div>
        <AnchorInput room={room} />
      </Space>
    </Card>
  );
}
