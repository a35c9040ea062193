import { NotificationOutlined, PictureOutlined, PushpinOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Input, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductCard } from '../../../../contracts/catalog';
import { chatMaxLength } from '../../../../contracts/room';
import { ClaimHints } from '../../../components/claim-hints';
import { errorMessage } from '../../../lib/form-errors';
import { formatFen } from '../../../lib/money';
import type { RoomState } from '../../../lib/room/use-room';
import { useClearRoomNotice } from '../api/clear-room-notice';
import { usePinProduct } from '../api/pin-product';
import { useSetRoomNotice } from '../api/set-room-notice';
import { useSetSlowMode } from '../api/set-slow-mode';
import { useUnpinProduct } from '../api/unpin-product';
import { useLiveClaimCopy } from './claim-copy';
import '../../../components/console/console-lists.css';

/** 讲解中: one of this live's products over every viewer's video. */
export function PinCard({ roomId, products, pinnedId }: { roomId: string; products: ProductCard[]; pinnedId: string | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const pin = usePinProduct();
  const unpin = useUnpinProduct();
  const fail = (error: unknown) => void message.error(errorMessage(error, t('common.requestFailed')));
  const busyId = pin.isPending ? pin.variables?.body.productId : undefined;

  return (
    <Card title={t('lives.console.pinTitle')} size="small">
      {products.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lives.console.noProducts')} />
      ) : (
        <ul className="tt-console-pin-list">
          {products.map((p) => {
            const pinned = p.id === pinnedId;
            return (
              <li key={p.id} className={`tt-console-pin-item${pinned ? ' tt-console-pinned' : ''}`}>
                <div className="tt-product-option">
                  {p.coverUrl ? (
                    <img className="tt-thumb" src={p.coverUrl} alt="" loading="lazy" />
                  ) : (
                    <span className="tt-thumb" aria-hidden="true">
                      <PictureOutlined />
                    </span>
                  )}
                  <span className="tt-product-option-title" title={p.title}>
                    {p.title}
                  </span>
                  {pinned && <Tag color="volcano">{t('lives.console.pinnedNow')}</Tag>}
                  <span className="tt-product-option-price">{formatFen(p.minPriceFen)}</span>
                </div>
                {pinned ? (
                  <Button size="small" loading={unpin.isPending} onClick={() => unpin.mutateAsync(roomId).catch(fail)}>
                    {t('lives.console.unpin')}
                  </Button>
                ) : (
                  <Button
                    size="small"
                    type="primary"
                    ghost
                    icon={<PushpinOutlined />}
                    loading={busyId === p.id}
                    onClick={() => pin.mutateAsync({ roomId, body: { productId: p.id } }).catch(fail)}
                  >
                    {t('lives.console.pin')}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

/** 公告: one line over the video until cleared; checked for banned claims like everything the anchor says. */
export function NoticeCard({ roomId, notice }: { roomId: string; notice: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const claimCopy = useLiveClaimCopy();
  const [text, setText] = useState('');
  const announce = useSetRoomNotice();
  const clear = useClearRoomNotice();
  const fail = (error: unknown) => void message.error(errorMessage(error, t('common.requestFailed')));
  const publish = () => {
    const body = text.trim();
    if (!body) return;
    announce.mutateAsync({ roomId, body: { text: body } }).then(() => setText(''), fail);
  };

  return (
    <Card title={t('lives.console.noticeTitle')} size="small">
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <div className="tt-console-notice-now">
          <NotificationOutlined aria-hidden="true" />{' '}
          {notice ? <Typography.Text>{notice}</Typography.Text> : <Typography.Text type="secondary">{t('lives.console.noNotice')}</Typography.Text>}
        </div>
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={chatMaxLength}
          showCount
          autoSize={{ minRows: 2, maxRows: 4 }}
          placeholder={t('lives.console.noticePlaceholder')}
          aria-label={t('lives.console.noticeTitle')}
        />
        {text.trim() && <ClaimHints text={text} copy={claimCopy} onUseRewrite={(rewrite) => setText(rewrite.slice(0, chatMaxLength))} />}
        <Space wrap>
          <Button type="primary" disabled={!text.trim()} loading={announce.isPending} onClick={publish}>
            {t('lives.console.announce')}
          </Button>
          <Button disabled={!notice} loading={clear.isPending} onClick={() => clear.mutateAsync(roomId).catch(fail)}>
            {t('lives.console.clearNotice')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}

const slowModeChoices = [0, 5, 10, 30, 60] as const;

/** 慢速模式: one line per viewer every few seconds, when the chat runs too fast to read. */
export function SlowModeCard({ roomId, state }: { roomId: string; state: RoomState }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const set = useSetSlowMode();
  const choose = (seconds: number) =>
    set.mutateAsync({ roomId, body: { seconds } }).catch((error: unknown) => void message.error(errorMessage(error, t('common.requestFailed'))));
  return (
    <Card title={t('lives.console.slowMode')} size="small">
      <Space orientation="vertical" size={8}>
        <Segmented<number>
          value={state.slowModeSeconds}
          disabled={!state.ready || set.isPending}
          options={slowModeChoices.map((s) => ({ value: s, label: s === 0 ? t('lives.console.off') : t('lives.console.seconds', { n: s }) }))}
          onChange={(seconds) => void choose(seconds)}
        />
        <Typography.Text type="secondary">{t('lives.console.slowModeHint')}</Typography.Text>
      </Space>
    </Card>
  );
}
