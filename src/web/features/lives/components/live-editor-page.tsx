import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { LiveBody, SellerLiveView } from '../../../../contracts/live';
import { ClaimHints } from '../../../components/claim-hints';
import { ConsoleError, ConsoleLoading } from '../../../components/console/page-states';
import { isApiError } from '../../../lib/api-client';
import { claimErrorCodes, claimViolationsOf } from '../../../lib/claims/claim-violations';
import { useSellerLive } from '../api/get-seller-live';
import { useOnSaleProducts } from '../api/list-on-sale-products';
import { useScheduleLive } from '../api/schedule-live';
import { useUpdateLive } from '../api/update-live';
import { chinaLocalToIso, isoToChinaLocal } from '../../../lib/china-time';
import { defaultStart } from './default-start';
import { useLiveClaimCopy } from './claim-copy';
import { CoverUpload, type CoverValue } from './cover-upload';
import { LiveStatusTag } from './live-status-tag';
import { liveConsolePath, livesPath } from './paths';
import { ProductPicker } from './product-picker';
import '../../../components/console/console-editor.css';
import './lives.css';

interface LiveFormValues {
  title: string;
  cover: CoverValue | null;
  /** `datetime-local` text, read as China time. */
  scheduledAt: string;
  productIds: string[];
  script: string;
}
type FieldName = keyof LiveFormValues;

/** Where the server's JSON pointers land in the form. */
const pointerFields: Record<string, FieldName> = {
  title: 'title',
  coverId: 'cover',
  scheduledAt: 'scheduledAt',
  productIds: 'productIds',
  script: 'script',
};
/** Domain codes about one input even when the server names no field. */
const codeFields: Record<string, FieldName> = { FILE_NOT_USABLE: 'cover', LIVE_PRODUCT_NOT_USABLE: 'productIds' };

function toBody(values: LiveFormValues): LiveBody {
  return {
    title: values.title.trim(),
    ...(values.cover ? { coverId: values.cover.id } : {}),
    scheduledAt: chinaLocalToIso(values.scheduledAt)!,
    productIds: values.productIds,
    script: values.script.trim(),
  };
}

interface TopError {
  message: string;
  lines: string[];
}

function LiveForm({ live, initialValues, dropped }: { live: SellerLiveView | undefined; initialValues: LiveFormValues; dropped: number }) {
  const { t } = useTranslation();
  const claimCopy = useLiveClaimCopy();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<LiveFormValues>();
  const schedule = useScheduleLive();
  const update = useUpdateLive();
  const [uploading, setUploading] = useState(false);
  const [topError, setTopError] = useState<TopError>();
  const title = Form.useWatch('title', form) ?? '';
  const script = Form.useWatch('script', form) ?? '';
  const busy = schedule.isPending || update.isPending;

  const showServerError = (error: unknown) => {
    if (!isApiError(error)) {
      setTopError({ message: t('common.requestFailed'), lines: [] });
      return;
    }
    const byField = new Map<FieldName, string[]>();
    const unplaced: string[] = [];
    for (const field of error.fields) {
      const name = pointerFields[field.path.replace(/^\//, '').split('/')[0] ?? ''];
      // A schema error says per field what is wrong; a claim error's field message names the phrase and why.
      const text = error.code === 'VALIDATION_FAILED' || claimErrorCodes.includes(error.code) ? field.message || error.message : error.message;
      if (!name) {
        unplaced.push(text);
        continue;
      }
      const list = byField.get(name) ?? [];
      if (!list.includes(text)) list.push(text);
      byField.set(name, list);
    }
    const codeField = codeFields[error.code];
    if (byField.size === 0 && codeField) byField.set(codeField, [error.message]);
    // The live hints under title and script already explain each phrase; the field and the
    // summary only need to say which phrases stopped the save.
    const refused = claimViolationsOf(error);
    const claimLines: string[] = [];
    for (const [pointer, name, label] of [
      ['/title', 'title', t('lives.editor.fieldTitle')],
      ['/script', 'script', t('lives.editor.fieldScript')],
    ] as const) {
      const here = refused.filter((v) => v.field === pointer);
      if (here.length === 0) continue;
      byField.set(
        name,
        here.map((v) => t('lives.editor.claimShort', { text: v.text, kind: t(`lives.claims.kinds.${v.kind}`) })),
      );
      claimLines.push(`${label}：${[...new Set(here.map((v) => `「${v.text}」`))].join('')}`);
    }
    form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
    setTopError({ message: claimLines.length ? t('lives.editor.claimsRefused') : error.message, lines: [...claimLines, ...unplaced] });
    const first = [...byField.keys()][0];
    if (first) form.scrollToField(first, { block: 'center', behavior: 'smooth' });
    else window.scrollTo({ top: 0, behavior: 'smooth' });
  };

  const save = async () => {
    setTopError(undefined);
    let values: LiveFormValues;
    try {
      values = await form.validateFields();
    } catch (failure) {
      const first = (failure as { errorFields?: Array<{ name: FieldName[] }> }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { block: 'center', behavior: 'smooth' });
      return;
    }
    try {
      const body = toBody(values);
      const saved = live ? await update.mutateAsync({ id: live.id, body }) : await schedule.mutateAsync(body);
      void message.success(t(live ? 'lives.editor.saved' : 'lives.editor.created', { title: saved.title }));
      void navigate(livesPath);
    } catch (error) {
      showServerError(error);
    }
  };

  return (
    <Form<LiveFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      className="tt-live-form"
      onFinish={() => void save()}
      // What the server refused is shown until the seller starts changing it.
      onValuesChange={() => setTopError(undefined)}
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <div className="tt-editor-head">
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => void navigate(livesPath)}>
            {t('lives.editor.back')}
          </Button>
          <Typography.Title level={2} className="tt-editor-title">
            {live ? t('lives.editor.editTitle') : t('lives.editor.createTitle')}
          </Typography.Title>
          {live && <LiveStatusTag status={live.status} />}
        </div>
        {dropped > 0 && <Alert type="warning" showIcon title={t('lives.editor.productsDropped', { n: dropped })} />}
        {topError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={topError.message}
            description={topError.lines.length ? topError.lines.map((line) => <div key={line}>{line}</div>) : undefined}
          />
        )}
        <Card>
          <Form.Item
            name="title"
            label={t('lives.editor.title')}
            rules={[
              { required: true, whitespace: true, message: t('lives.editor.titleRequired') },
              { min: 2, max: 40, message: t('lives.editor.titleLength') },
            ]}
            extra={title.trim() ? <ClaimHints text={title} copy={claimCopy} onUseRewrite={(rewrite) => form.setFieldValue('title', rewrite.slice(0, 40))} /> : undefined}
          >
            <Input placeholder={t('lives.editor.titlePlaceholder')} maxLength={40} showCount />
          </Form.Item>
          <Form.Item name="cover" label={t('lives.editor.cover')} extra={t('lives.editor.coverHint')}>
            <CoverUpload onUploadingChange={setUploading} />
          </Form.Item>
          <Form.Item
            name="scheduledAt"
            label={t('lives.editor.scheduledAt')}
            extra={t('lives.editor.scheduledAtHint')}
            rules={[
              { required: true, message: t('lives.editor.scheduledAtRequired') },
              {
                validator: async (_, value: string) => {
                  if (value && !chinaLocalToIso(value)) throw new Error(t('lives.editor.scheduledAtRequired'));
                },
              },
              {
                warningOnly: true,
                validator: async (_, value: string) => {
                  const iso = value ? chinaLocalToIso(value) : undefined;
                  if (iso && new Date(iso).getTime() < Date.now()) throw new Error(t('lives.editor.scheduledAtPast'));
                },
              },
            ]}
          >
            <Input type="datetime-local" style={{ maxWidth: 260 }} />
          </Form.Item>
          <Form.Item name="productIds" label={t('lives.editor.products')} extra={t('lives.editor.productsHint')}>
            <ProductPicker />
          </Form.Item>
          <Form.Item
            name="script"
            label={t('lives.editor.script')}
            rules={[{ max: 5000 }]}
            extra={
              <>
                <div>{t('lives.editor.scriptHint')}</div>
                <ClaimHints text={script} copy={claimCopy} onUseRewrite={(rewrite) => form.setFieldValue('script', rewrite.slice(0, 5000))} />
              </>
            }
          >
            <Input.TextArea placeholder={t('lives.editor.scriptPlaceholder')} autoSize={{ minRows: 5, maxRows: 16 }} maxLength={5000} showCount />
          </Form.Item>
        </Card>
        <div className="tt-live-editor-actions">
          <Button onClick={() => void navigate(livesPath)}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy} disabled={uploading}>
            {live ? t('lives.editor.save') : t('lives.editor.create')}
          </Button>
        </div>
      </Space>
    </Form>
  );
}

/** /seller/lives/new and /seller/lives/:id/edit. */
export function LiveEditorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams();
  const live = useSellerLive(id);
  const products = useOnSaleProducts();

  if (id !== undefined && live.isPending) return <ConsoleLoading />;
  if (id !== undefined && live.isError) return <ConsoleError error={live.error} onRetry={() => void live.refetch()} />;
  // The picker shows the products; the form waits for them only to drop those taken off sale since.
  if (products.isPending) return <ConsoleLoading />;

  const existing = live.data;
  if (existing && existing.status !== 'scheduled') {
    return (
      <Alert
        type="info"
        showIcon
        title={t('lives.editor.notEditable', { status: t(`lives.status.${existing.status}`) })}
        action={
          <Space>
            {existing.status === 'live' && (
              <Button type="primary" onClick={() => void navigate(liveConsolePath(existing.id))}>
                {t('lives.actions.console')}
              </Button>
            )}
            <Button onClick={() => void navigate(livesPath)}>{t('lives.editor.back')}</Button>
          </Space>
        }
      />
    );
  }
  const onSale = products.data ? new Set(products.data.map((p) => p.id)) : undefined;
  const keptIds = existing ? existing.productIds.filter((pid) => !onSale || onSale.has(pid)) : [];
  const initialValues: LiveFormValues = existing
    ? {
        title: existing.title,
        cover: existing.coverId && existing.coverUrl ? { id: existing.coverId, url: existing.coverUrl } : null,
        scheduledAt: isoToChinaLocal(existing.scheduledAt),
        productIds: keptIds,
        script: existing.script,
      }
    : { title: '', cover: null, scheduledAt: defaultStart(), productIds: [], script: '' };
  return (
    <LiveForm
      key={existing?.id ?? 'new'}
      live={existing}
      initialValues={initialValues}
      dropped={existing ? existing.productIds.length - keptIds.length : 0}
    />
  );
}
