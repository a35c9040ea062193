import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { SellerProductView } from '../../../../contracts/catalog';
import { categoryNames, productCategories } from '../../../../contracts/catalog-names';
import { ClaimHints } from '../../../components/claim-hints';
import { ConsoleError, ConsoleLoading } from '../../../components/console/page-states';
import { useLanguage } from '../../../i18n';
import { isApiError } from '../../../lib/api-client';
import { useMe } from '../../../lib/auth/get-me';
import { claimViolationsOf, type FieldViolation } from '../../../lib/claims/claim-violations';
import { errorMessage } from '../../../lib/form-errors';
import { useCreateProduct } from '../api/create-product';
import { useSellerProduct } from '../api/get-seller-product';
import { useSellerProducts } from '../api/list-seller-products';
import { usePublishProduct } from '../api/publish-product';
import { useUpdateProduct } from '../api/update-product';
import { useActingSeller } from '../hooks/use-acting-seller';
import { CertificatePicker } from './certificate-picker';
import { useProductClaimCopy } from './claim-copy';
import { editorPath, listPath } from './paths';
import { PhotoWall } from './photo-wall';
import {
  formPathOf,
  mapServerErrors,
  newProductValues,
  productValues,
  toProductBody,
  type FormPath,
  type ProductFormValues,
} from './product-form-model';
import { ProductStatusTag } from './product-status';
import { SkuTable } from './sku-table';
import '../../../components/console/console-editor.css';
import './products.css';

// One array for "no certificates", so the claim check's cache key stays stable between renders.
const emptyIds: string[] = [];

/** Domain codes that concern one input although the server names no field. */
const codeFields: Record<string, FormPath> = {
  PRODUCT_NEEDS_IMAGE: ['images'],
  FILE_NOT_USABLE: ['images'],
  CERTIFICATE_NOT_USABLE: ['certificateIds'],
  SKU_NOT_FOUND: ['skus'],
};

interface TopError {
  message: string;
  extra: string[];
}

interface EditorNotice {
  /** Set when a new listing was saved but could not go on sale; the editor then reopens it. */
  publishFailed?: string;
}

function FieldName({ field }: { field: string }) {
  const { t } = useTranslation();
  const sku = /^\/skus\/(\d+)\//.exec(field);
  if (sku) return <>{t('products.editor.claims.fields.sku', { n: Number(sku[1]) + 1 })}</>;
  const key = field.replace(/^\//, '');
  if (key === 'title' || key === 'description' || key === 'storage') return <>{t(`products.editor.claims.fields.${key}`)}</>;
  return <>{field}</>;
}

interface ProductFormProps {
  product: SellerProductView | undefined;
  initialValues: ProductFormValues;
  /** The member shop a co-op works on: sent as `sellerId` on create and kept in the URLs. */
  memberId: string | undefined;
  shopName: string;
}

function ProductForm({ product, initialValues, memberId, shopName }: ProductFormProps) {
  const { t } = useTranslation();
  const claimCopy = useProductClaimCopy();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProductFormValues>();
  const create = useCreateProduct();
  const update = useUpdateProduct();
  const publish = usePublishProduct();
  const [uploading, setUploading] = useState(false);
  const [topError, setTopError] = useState<TopError>();
  const [violations, setViolations] = useState<FieldViolation[]>([]);
  const [notice, setNotice] = useState<EditorNotice | undefined>(location.state as EditorNotice | undefined);
  const [busy, setBusy] = useState<'draft' | 'publish'>();

  const title = Form.useWatch('title', form) ?? '';
  const description = Form.useWatch('description', form) ?? '';
  const certificateIds = (Form.useWatch('certificateIds', form) as string[] | undefined) ?? emptyIds;
  const removed = product?.status === 'removed';
  const onSale = product?.status === 'on_sale';
  const lang = language === 'en' ? 'en' : 'zh';

  const showServerError = (error: unknown) => {
    if (!isApiError(error)) {
      setTopError({ message: t('common.requestFailed'), extra: [] });
      return;
    }
    const mapped = mapServerErrors(error);
    const codeField = codeFields[error.code];
    if (mapped.fields.length === 0 && codeField) mapped.fields.push({ name: codeField, errors: [error.message] });
    const refused = claimViolationsOf(error);
    if (refused.length > 0) mapped.fields = claimFieldErrors(refused);
    // Paths come from the server at run time, so they cannot be checked against the form's typed names.
    form.setFields(mapped.fields.map((f) => ({ name: f.name, errors: f.errors })) as Parameters<typeof form.setFields>[0]);
    setViolations(refused);
    setTopError({ message: error.message, extra: mapped.unplaced });
    const first = mapped.fields[0];
    if (first) form.scrollToField(first.name, { block: 'center', behavior: 'smooth' });
    else window.scrollTo({ top: 0, behavior: 'smooth' });
  };

  const save = async (andPublish: boolean) => {
    setTopError(undefined);
    setViolations([]);
    setNotice(undefined);
    let values: ProductFormValues;
    try {
      values = await form.validateFields();
    } catch (failure) {
      const first = (failure as { errorFields?: Array<{ name: FormPath }> }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { block: 'center', behavior: 'smooth' });
      return;
    }
    setBusy(andPublish ? 'publish' : 'draft');
    try {
      const body = toProductBody(values, product ? undefined : memberId);
      let saved: SellerProductView;
      try {
        saved = product ? await update.mutateAsync({ id: product.id, body }) : await create.mutateAsync(body);
      } catch (error) {
        showServerError(error);
        return;
      }
      if (andPublish && saved.status !== 'on_sale') {
        try {
          await publish.mutateAsync(saved.id);
        } catch (error) {
          const reason = errorMessage(error, t('common.requestFailed'));
          if (product) {
            // Stay on the saved listing: new SKUs now have ids, which the next save must send back.
            form.setFieldsValue({ skus: productValues(saved).skus });
            setNotice({ publishFailed: reason });
            showServerError(error);
          } else {
            // The draft exists now: continue on its own page, so another save edits it instead of copying it.
            void navigate(editorPath(saved.id, memberId), { replace: true, state: { publishFailed: reason } satisfies EditorNotice });
          }
          return;
        }
        void message.success(t('products.editor.savedAndPublished', { title: saved.title }));
      } else {
        void message.success(t('products.editor.saved', { title: saved.title }));
      }
      void navigate(listPath(memberId));
    } finally {
      setBusy(undefined);
    }
  };

  /**
   * Each refused phrase at its field. Title and description already show the live check's spans
   * and suggestions under them, so their message stays short; other fields get the reason and
   * suggestion. A certified claim may pass the live check (the seller holds such a certificate)
   * yet fail on save (it is not linked to this product), so it always says what to link.
   */
  const claimFieldErrors = (refused: FieldViolation[]) => {
    const byField = new Map<string, { name: FormPath; errors: string[] }>();
    for (const v of refused) {
      const name = formPathOf(v.field);
      if (!name) continue;
      let text: string;
      if (v.kind === 'certified' && v.certificateKind) {
        text = t('products.editor.claims.fieldCertificate', { text: v.text, kind: t(`products.certificateKinds.${v.certificateKind}`) });
      } else if (v.field === '/title' || v.field === '/description') {
        text = t('products.editor.claims.fieldShort', { text: v.text, kind: t(`products.editor.claims.kinds.${v.kind}`) });
      } else {
        text = `「${v.text}」${v.reason[lang]}${v.suggestion[lang] ? ` ${t('products.editor.claims.suggestion')}${v.suggestion[lang]}` : ''}`;
      }
      const entry = byField.get(v.field) ?? { name, errors: [] };
      if (!entry.errors.includes(text)) entry.errors.push(text);
      byField.set(v.field, entry);
    }
    return [...byField.values()];
  };

  const requiredText = (field: string) => ({ required: true, whitespace: true, message: t('products.editor.required', { field }) });
  const categoryOptions = productCategories.map((c) => ({ value: c, label: categoryNames[c][lang] }));

  return (
    <Form<ProductFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      disabled={removed}
      className="tt-product-form"
      onFinish={() => void save(false)}
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <div className="tt-editor-head">
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => void navigate(listPath(memberId))} disabled={false}>
            {t('products.editor.back')}
          </Button>
          <Typography.Title level={2} className="tt-editor-title">
            {product ? t('products.editor.editTitle') : t('products.editor.createTitle')}
          </Typography.Title>
          {product && <ProductStatusTag product={product} />}
        </div>
        {memberId && <Alert type="info" showIcon title={t('products.editor.forMember', { shop: shopName })} />}
        {removed && (
          <Alert type="error" showIcon title={t('products.editor.removedTitle')} description={product?.removedReason ?? undefined} />
        )}
        {notice?.publishFailed && (
          <Alert type="warning" showIcon title={t('products.editor.savedNotPublished')} description={notice.publishFailed} />
        )}
        {topError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={topError.message}
            description={
              violations.length > 0 || topError.extra.length > 0 ? (
                <>
                  {violations.length > 0 && (
                    <>
                      <div>{t('products.editor.claims.serverHint')}</div>
                      <ul className="tt-claim-summary">
                        {[...new Set(violations.map((v) => v.field))].map((field) => (
                          <li key={field}>
                            <FieldName field={field} />：
                            {[...new Set(violations.filter((v) => v.field === field).map((v) => `「${v.text}」`))].join('')}
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                  {topError.extra.map((line) => (
                    <div key={line}>{line}</div>
                  ))}
                </>
              ) : undefined
            }
          />
        )}

        <Card title={t('products.editor.sections.basics')}>
          <Form.Item
            name="title"
            label={t('products.editor.title')}
            rules={[requiredText(t('products.editor.title')), { min: 2, max: 60, message: t('products.editor.titleLength') }]}
            extra={<ClaimHints text={title} copy={claimCopy} certificateIds={certificateIds} onUseRewrite={(rewrite) => form.setFieldValue('title', rewrite)} />}
          >
            <Input placeholder={t('products.editor.titlePlaceholder')} maxLength={60} showCount />
          </Form.Item>
          <Form.Item name="category" label={t('products.editor.category')} rules={[{ required: true, message: t('products.editor.categoryRequired') }]}>
            <Select options={categoryOptions} placeholder={t('products.editor.categoryPlaceholder')} style={{ maxWidth: 320 }} />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('products.editor.description')}
            rules={[{ max: 2000 }]}
            extra={<ClaimHints text={description} copy={claimCopy} certificateIds={certificateIds} onUseRewrite={(rewrite) => form.setFieldValue('description', rewrite)} />}
          >
            <Input.TextArea placeholder={t('products.editor.descriptionPlaceholder')} autoSize={{ minRows: 4, maxRows: 12 }} maxLength={2000} showCount />
          </Form.Item>
        </Card>

        <Card title={t('products.editor.sections.photos')}>
          <Form.Item name="images" extra={t('products.editor.photos.hint')} style={{ marginBottom: 0 }}>
            <PhotoWall onUploadingChange={setUploading} disabled={removed} />
          </Form.Item>
        </Card>

        <Card title={t('products.editor.sections.skus')}>
          <SkuTable disabled={removed} />
        </Card>

        <Card title={t('products.editor.sections.origin')}>
          <Typography.Paragraph type="secondary">{t('products.editor.origin.intro')}</Typography.Paragraph>
          <Row gutter={12}>
            {(['province', 'city', 'county'] as const).map((key) => (
              <Col xs={24} sm={8} key={key}>
                <Form.Item name={['origin', key]} label={t(`products.editor.origin.${key}`)} rules={[requiredText(t(`products.editor.origin.${key}`))]}>
                  <Input placeholder={t(`products.editor.origin.${key}Placeholder`)} maxLength={key === 'province' ? 20 : 30} />
                </Form.Item>
              </Col>
            ))}
            <Col xs={24} sm={12}>
              <Form.Item name={['origin', 'township']} label={t('products.editor.origin.township')}>
                <Input placeholder={t('products.editor.origin.townshipPlaceholder')} maxLength={30} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name={['origin', 'village']} label={t('products.editor.origin.village')} rules={[requiredText(t('products.editor.origin.village'))]}>
                <Input placeholder={t('products.editor.origin.villagePlaceholder')} maxLength={40} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item
                name={['origin', 'latitude']}
                label={t('products.editor.origin.latitude')}
                dependencies={[['origin', 'longitude']]}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: async (_, lat: number | null) => {
                      const lon = getFieldValue(['origin', 'longitude']) as number | null;
                      if ((lat === null || lat === undefined) !== (lon === null || lon === undefined)) throw new Error(t('products.editor.origin.coordsPair'));
                    },
                  }),
                ]}
              >
                <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} placeholder="32.06" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item name={['origin', 'longitude']} label={t('products.editor.origin.longitude')}>
                <InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} placeholder="113.93" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', paddingTop: 4 }}>
                {t('products.editor.origin.coordsHint')}
              </Typography.Text>
            </Col>
          </Row>
        </Card>

        <Card title={t('products.editor.sections.logistics')}>
          <Row gutter={12}>
            <Col xs={24} sm={8}>
              <Form.Item name="shelfLifeDays" label={t('products.editor.shelfLifeDays')} rules={[{ required: true, message: t('products.editor.shelfLifeRequired') }]}>
                <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} suffix={t('products.editor.daysUnit')} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item
                name="weightGrams"
                label={t('products.editor.weightGrams')}
                extra={t('products.editor.weightHint')}
                rules={[{ required: true, message: t('products.editor.weightRequired') }]}
              >
                <InputNumber min={1} max={100_000} precision={0} style={{ width: '100%' }} suffix={t('products.editor.gramsUnit')} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="storage" label={t('products.editor.storage')} rules={[{ max: 100 }]}>
                <Input placeholder={t('products.editor.storagePlaceholder')} maxLength={100} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="perishable" label={t('products.editor.perishable')} valuePropName="checked" extra={t('products.editor.perishableHint')} style={{ marginBottom: 0 }}>
            <Switch checkedChildren={t('products.editor.perishableYes')} unCheckedChildren={t('products.editor.perishableNo')} />
          </Form.Item>
        </Card>

        <Card title={t('products.editor.sections.certificates')}>
          <Form.Item name="certificateIds" style={{ marginBottom: 0 }}>
            <CertificatePicker memberShop={memberId !== undefined} disabled={removed} />
          </Form.Item>
        </Card>

        <div className="tt-editor-actions">
          <Button onClick={() => void navigate(listPath(memberId))} disabled={false}>
            {t('common.cancel')}
          </Button>
          {onSale ? (
            <Button type="primary" loading={busy === 'draft'} disabled={uploading || busy !== undefined} onClick={() => void save(false)}>
              {t('products.editor.saveOnSale')}
            </Button>
          ) : (
            <>
              <Button loading={busy === 'draft'} disabled={uploading || busy !== undefined || removed} onClick={() => void save(false)}>
                {product ? t('common.save') : t('products.editor.saveDraft')}
              </Button>
              <Button type="primary" loading={busy === 'publish'} disabled={uploading || busy !== undefined || removed} onClick={() => void save(true)}>
                {t('products.editor.saveAndPublish')}
              </Button>
            </>
          )}
          {uploading && <Typography.Text type="secondary">{t('products.editor.photos.waitUploads')}</Typography.Text>}
        </div>
      </Space>
    </Form>
  );
}

function EditProduct({ id }: { id: string }) {
  const product = useSellerProduct(id);
  const me = useMe();
  if (product.isPending) return <ConsoleLoading />;
  if (product.isError) return <ConsoleError error={product.error} onRetry={() => void product.refetch()} />;
  const memberId = me.data && product.data.sellerId !== me.data.id ? product.data.sellerId : undefined;
  return <ProductForm product={product.data} initialValues={productValues(product.data)} memberId={memberId} shopName={product.data.sellerName} />;
}

function NewProduct() {
  const { t } = useTranslation();
  const seller = useActingSeller();
  const acting = seller.acting;
  const existing = useSellerProducts({ sellerId: acting?.sellerId });
  if (seller.isCoop && seller.members.isError) return <ConsoleError error={seller.members.error} onRetry={() => void seller.members.refetch()} />;
  if (!acting) return seller.unknownMember ? <Alert type="warning" showIcon title={t('products.member.unknown')} /> : <ConsoleLoading />;
  // The latest listing's origin is the best guess for a new one; without it the form starts blank.
  if (existing.isPending) return <ConsoleLoading />;
  const latest = existing.data?.[0];
  return <ProductForm product={undefined} initialValues={newProductValues(latest?.origin)} memberId={acting.sellerId} shopName={acting.shopName} />;
}

/** Seller console → 商品 → new or edit: one form for both. */
export function ProductEditorPage() {
  const { id } = useParams();
  return id ? <EditProduct id={id} /> : <NewProduct />;
}
