import {
  ArrowLeftOutlined,
  CopyOutlined,
  DeleteOutlined,
  DownloadOutlined,
  ExportOutlined,
  FilePdfOutlined,
  PaperClipOutlined,
  PlusOutlined,
  PrinterOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Descriptions, Image, InputNumber, Popconfirm, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { LotDetail, LotEventKind, LotEventView } from '../../../../contracts/trace';
import { lotEventKindNames } from '../../../../contracts/trace-names';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../../../components/console/page-states';
import { useLanguage } from '../../../i18n';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { useLot } from '../api/get-lot';
import { useLotProduct } from '../api/get-lot-product';
import { useDeleteLotEvent } from '../api/delete-lot-event';
import { EventFormModal } from './event-form-modal';
import { harvestText, quantityText } from './format-lot';
import { labelSheetPath, lotsPath, tracePagePath } from './paths';
import './lots.css';

const kindColor: Record<LotEventKind, string> = {
  planting: '#5a9e4b',
  picking: '#3b8a4c',
  processing: '#d98e2b',
  packing: '#9a6b3f',
  inspection: '#2f6fb0',
  other: '#7d8780',
};

function LotLinks({ lot }: { lot: LotDetail }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [count, setCount] = useState(24);

  const copy = () =>
    navigator.clipboard.writeText(lot.links.traceUrl).then(
      () => void message.success(t('lots.detail.copied')),
      () => void message.error(t('lots.detail.copyFailed')),
    );

  return (
    <Card title={t('lots.detail.links')}>
      <div className="tt-lot-links">
        <img className="tt-lot-qr" src={lot.links.qrSvg} alt={t('lots.detail.qrAlt', { code: lot.code })} width={120} height={120} />
        <div className="tt-lot-links-actions">
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('lots.detail.linksText')}
          </Typography.Paragraph>
          <Typography.Paragraph style={{ marginBottom: 8, overflowWrap: 'anywhere' }}>
            <Typography.Link href={tracePagePath(lot.code, language)} target="_blank" rel="noopener">
              {lot.links.traceUrl}
            </Typography.Link>
          </Typography.Paragraph>
          <Space size={8} wrap>
            <Button type="primary" icon={<ExportOutlined />} href={tracePagePath(lot.code, language)} target="_blank" rel="noopener">
              {t('lots.detail.openTrace')}
            </Button>
            <Button icon={<CopyOutlined />} onClick={() => void copy()}>
              {t('lots.detail.copyLink')}
            </Button>
            <Button icon={<DownloadOutlined />} href={lot.links.qrSvg} download={`${lot.code}.svg`}>
              {t('lots.detail.qrSvg')}
            </Button>
            <Button icon={<DownloadOutlined />} href={`${lot.links.qrPng}?size=1024`} download={`${lot.code}.png`}>
              {t('lots.detail.qrPng')}
            </Button>
          </Space>
          <Space size={8} wrap style={{ marginTop: 12 }} align="center">
            <label htmlFor="tt-label-count">{t('lots.detail.labelCount')}</label>
            <InputNumber<number>
              id="tt-label-count"
              min={1}
              max={240}
              precision={0}
              value={count}
              onChange={(v) => setCount(v ?? 24)}
              style={{ width: 90 }}
            />
            <Button icon={<PrinterOutlined />} href={labelSheetPath(lot.id, count, language)} target="_blank" rel="noopener">
              {t('lots.detail.labels')}
            </Button>
          </Space>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }}>
            {t('lots.detail.labelHelp')}
          </Typography.Paragraph>
        </div>
      </div>
    </Card>
  );
}

function EventContent({ lotId, event }: { lotId: string; event: LotEventView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const remove = useDeleteLotEvent();
  const kind = lotEventKindNames[event.kind][language === 'en' ? 'en' : 'zh'];

  const onDelete = () =>
    remove.mutateAsync({ lotId, eventId: event.id }).then(
      () => void message.success(t('lots.timeline.deleted')),
      (error: unknown) => void message.error(errorMessage(error, t('common.requestFailed'))),
    );

  return (
    <div>
      <div className="tt-lot-event-head">
        <Tag color={kindColor[event.kind]} bordered={false}>
          {kind}
        </Tag>
        <Typography.Text type="secondary">{formatDateTime(event.occurredAt, language)}</Typography.Text>
        <Popconfirm
          title={t('lots.timeline.deleteConfirm')}
          description={<div style={{ maxWidth: 260 }}>{t('lots.timeline.deleteConfirmText')}</div>}
          okText={t('common.delete')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={onDelete}
        >
          <Button type="text" size="small" danger icon={<DeleteOutlined />} loading={remove.isPending} aria-label={t('common.delete')} />
        </Popconfirm>
      </div>
      {(event.place || event.who) && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
          {[event.place && t('lots.timeline.placeValue', { value: event.place }), event.who && t('lots.timeline.whoValue', { value: event.who })]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
      )}
      {event.notes && <p className="tt-lot-event-notes">{event.notes}</p>}
      {event.photos.length > 0 && (
        <div className="tt-lot-event-photos">
          <Image.PreviewGroup>
            {event.photos.map((photo, i) => (
              <Image
                key={photo.id}
                src={photo.url}
                width={72}
                height={72}
                style={{ objectFit: 'cover', borderRadius: 6 }}
                alt={t('lots.timeline.photoAlt', { kind, n: i + 1 })}
              />
            ))}
          </Image.PreviewGroup>
        </div>
      )}
      {event.reports.length > 0 && (
        <Space orientation="vertical" size={0} style={{ marginTop: 6 }}>
          {event.reports.map((report, i) => (
            <Typography.Link key={report.id} href={report.url} target="_blank" rel="noopener">
              {report.contentType === 'application/pdf' ? <FilePdfOutlined /> : <PaperClipOutlined />} {t('lots.timeline.report', { n: i + 1 })}
            </Typography.Link>
          ))}
        </Space>
      )}
    </div>
  );
}

/** One lot: what it is, its QR code and labels, and its timeline to add to. */
export function LotDetailPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { lotId = '' } = useParams();
  const lot = useLot(lotId);
  const product = useLotProduct(lot.data?.productId);
  const [adding, setAdding] = useState(false);

  const back = (
    <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }} onClick={() => void navigate(lotsPath(lot.data?.productId))}>
      {t('lots.detail.back')}
    </Button>
  );

  if (lot.isPending) return <ConsoleLoading />;
  if (lot.isError) {
    return (
      <>
        {back}
        <ConsoleError error={lot.error} onRetry={() => void lot.refetch()} />
      </>
    );
  }

  const data = lot.data;
  const addButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
      {t('lots.timeline.add')}
    </Button>
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {back}
      <Card>
        <Typography.Title level={2} style={{ marginTop: 0, fontSize: 14, fontWeight: 400 }} type="secondary">
          {t('lots.detail.code')}
        </Typography.Title>
        <Typography.Paragraph className="tt-lot-code tt-lot-code-large" copyable style={{ marginBottom: 12 }}>
          {data.code}
        </Typography.Paragraph>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'product', label: t('lots.detail.product'), children: product.data?.title ?? t('common.none') },
            { key: 'harvested', label: t('lots.detail.harvested'), children: harvestText(data.harvestDate, language) },
            { key: 'quantity', label: t('lots.detail.quantity'), children: quantityText(data, language) },
            { key: 'created', label: t('lots.detail.createdAt'), children: formatDateTime(data.createdAt, language) },
            ...(data.note ? [{ key: 'note', label: t('lots.detail.note'), children: <span className="tt-pre-wrap">{data.note}</span>, span: 2 }] : []),
          ]}
        />
      </Card>
      <LotLinks lot={data} />
      <Card
        title={
          <span>
            {t('lots.timeline.title')}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
              {t('lots.timeline.timeZone')}
            </Typography.Text>
          </span>
        }
        extra={data.events.length ? addButton : undefined}
      >
        {data.events.length === 0 ? (
          <ConsoleEmpty title={t('lots.timeline.empty')} description={t('lots.timeline.emptyText')}>
            {addButton}
          </ConsoleEmpty>
        ) : (
          <Timeline
            items={data.events.map((event) => ({
              key: event.id,
              color: kindColor[event.kind],
              content: <EventContent lotId={data.id} event={event} />,
            }))}
          />
        )}
      </Card>
      <EventFormModal
        open={adding}
        lotId={data.id}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          void message.success(t('lots.event.saved'));
        }}
      />
    </Space>
  );
}
