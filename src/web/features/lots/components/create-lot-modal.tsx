import { Alert, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LotBody, LotUnit, LotView } from '../../../../contracts/trace';
import { lotUnitNames, lotUnits } from '../../../../contracts/trace-names';
import { useLanguage } from '../../../i18n';
import { errorMessage, fieldErrorsFor } from '../../../lib/form-errors';
import { useCreateLot } from '../api/create-lot';
import { todayInChina } from '../../../lib/china-time';

interface FormValues {
  harvestDate: string;
  quantity: number;
  unit: LotUnit;
  note?: string;
  codePrefix?: string;
}

const fieldNames = ['harvestDate', 'quantity', 'unit', 'note', 'codePrefix'] as const;
const prefixPattern = /^[A-HJKMNP-TV-Z]{2}$/;

interface CreateLotModalProps {
  open: boolean;
  productId: string;
  productTitle: string;
  onClose: () => void;
  onCreated: (lot: LotView) => void;
}

export function CreateLotModal({ open, productId, productTitle, onClose, onCreated }: CreateLotModalProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateLot();
  const [formError, setFormError] = useState<string>();
  const today = todayInChina();

  const close = () => {
    setFormError(undefined);
    create.reset();
    onClose();
  };

  const send = async () => {
    const values = await form.validateFields();
    setFormError(undefined);
    const body: LotBody = {
      productId,
      harvestDate: values.harvestDate,
      quantity: values.quantity,
      unit: values.unit,
      ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      ...(values.codePrefix ? { codePrefix: values.codePrefix } : {}),
    };
    create.mutate(body, {
      onSuccess: (lot) => {
        form.resetFields();
        onCreated(lot);
      },
      onError: (error) => {
        const fields = fieldErrorsFor(error, fieldNames, { LOT_DATE_IN_FUTURE: 'harvestDate', LOT_QUANTITY_PRECISION: 'quantity' });
        form.setFields(fields);
        if (fields.length === 0) setFormError(errorMessage(error, t('common.requestFailed')));
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('lots.create.title')}
      okText={t('lots.create.submit')}
      okButtonProps={{ loading: create.isPending }}
      cancelText={t('common.cancel')}
      onOk={() => void send().catch(() => undefined)}
      onCancel={close}
      destroyOnHidden
      width={520}
    >
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>
        {t('lots.create.forProduct', { title: productTitle })}
      </Typography.Paragraph>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} role="alert" />}
      <Form<FormValues> form={form} layout="vertical" preserve={false} initialValues={{ harvestDate: today, unit: 'jin' }} requiredMark="optional">
        <Form.Item
          name="harvestDate"
          label={t('lots.create.harvestDate')}
          rules={[
            { required: true, message: t('lots.create.harvestDateRequired') },
            { validator: (_, v: string | undefined) => (!v || v <= today ? Promise.resolve() : Promise.reject(new Error(t('lots.create.harvestDateFuture')))) },
          ]}
        >
          <Input type="date" max={today} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item
            name="quantity"
            label={t('lots.create.quantity')}
            style={{ flex: '1 1 160px' }}
            rules={[
              { required: true, message: t('lots.create.quantityRequired') },
              {
                validator: (_, v: number | null | undefined) =>
                  v === undefined || v === null || (v > 0 && Math.abs(Math.round(v * 100) - v * 100) < 1e-6)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('lots.create.quantityInvalid'))),
              },
            ]}
          >
            <InputNumber<number> min={0} max={10_000_000} style={{ width: '100%' }} inputMode="decimal" />
          </Form.Item>
          <Form.Item name="unit" label={t('lots.create.unit')} style={{ flex: '1 1 140px' }} rules={[{ required: true }]}>
            <Select<LotUnit> options={lotUnits.map((u) => ({ value: u, label: lotUnitNames[u][language === 'en' ? 'en' : 'zh'] }))} />
          </Form.Item>
        </div>
        <Form.Item name="note" label={t('lots.create.note')}>
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} placeholder={t('lots.create.notePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="codePrefix"
          label={t('lots.create.prefix')}
          extra={t('lots.create.prefixHelp')}
          normalize={(v: string | undefined) => v?.toUpperCase().trim()}
          rules={[{ validator: (_, v: string | undefined) => (!v || prefixPattern.test(v) ? Promise.resolve() : Promise.reject(new Error(t('lots.create.prefixInvalid')))) }]}
        >
          <Input maxLength={2} style={{ width: 100 }} autoComplete="off" placeholder="TT" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
