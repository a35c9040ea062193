import { useQueryClient } from '@tanstack/react-query';
import { Alert, Col, Row, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SellerLiveView } from '../../../../contracts/live';
import { ConsoleError, ConsoleLoading } from '../../../components/console/page-states';
import { useMe } from '../../../lib/auth/get-me';
import { useRoom } from '../../../lib/room/use-room';
import { roomQueryKey } from '../api/get-room';
import { useRoomAccess } from '../api/get-room-access';
import { sellerLivesQueryKey } from '../api/list-seller-lives';
import { FlashSalesCard } from './flash-sales-card';
import { RoomChatCard } from './room-chat-card';
import { NoticeCard, PinCard, SlowModeCard } from './room-controls';
import { ModeratorsCard, SanctionsCard } from './room-people';

/**
 * 直播间互动: the room as the anchor runs it, over the same socket viewers use (so what it shows
 * is what they see), with the moderation calls beside it.
 */
export function RoomConsole({ live }: { live: SellerLiveView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useMe();
  const access = useRoomAccess(live.roomId);
  const canModerate = access.data?.canModerate === true;
  const room = useRoom(canModerate && !me.isPending ? live.roomId : null, me.data?.id ?? null);

  // Going on air or off is the server's to say; the page's status follows the room's event.
  const changeSeq = room.room.liveChange?.seq;
  useEffect(() => {
    if (changeSeq === undefined) return;
    void queryClient.invalidateQueries({ queryKey: sellerLivesQueryKey });
    void queryClient.invalidateQueries({ queryKey: roomQueryKey });
  }, [changeSeq, queryClient]);

  if (access.isPending) return <ConsoleLoading />;
  if (access.isError) return <ConsoleError error={access.error} onRetry={() => void access.refetch()} />;
  if (!canModerate) return <Alert type="warning" showIcon title={t('lives.console.noAccess')} />;

  const state = room.room;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <RoomChatCard roomId={live.roomId} room={room} access={access.data} meId={me.data?.id ?? null} />
      </Col>
      <Col xs={24} xl={10}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {/* Flash sales are the shop's own: the anchor runs them, moderators only watch the chat. */}
          {access.data.isAnchor && <FlashSalesCard live={live} roomSale={state.sale} />}
          <PinCard roomId={live.roomId} products={live.products} pinnedId={state.pinned?.productId} />
          <NoticeCard roomId={live.roomId} notice={state.notice} />
          <SlowModeCard roomId={live.roomId} state={state} />
        </Space>
      </Col>
      <Col xs={24} lg={14}>
        <SanctionsCard roomId={live.roomId} />
      </Col>
      <Col xs={24} lg={10}>
        <ModeratorsCard roomId={live.roomId} isAnchor={access.data.isAnchor} />
      </Col>
    </Row>
  );
}
