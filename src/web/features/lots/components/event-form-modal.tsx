import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LotEventBody, LotEventKind } from '../../../../contracts/trace';
import { lotEventKindNames, lotEventKinds } from '../../../../contracts/trace-names';
import { useLanguage } from '../../../i18n';
import { errorMessage, fieldErrorsFor } from '../../../lib/form-errors';
import { documentAccept, imageAccept } from '../../../lib/upload-file';
import { useAddLotEvent } from '../api/add-lot-event';
import { chinaLocalToIso, isoToChinaLocal } from '../../../lib/china-time';
import { FileListUpload } from './file-list-upload';

interface FormValues {
  kind: LotEventKind;
  occurredAt: string;
  place?: string;
  who?: string;
  notes?: string;
  photoIds?: string[];
  reportIds?: string[];
}

const fieldNames = ['kind', 'occurredAt', 'place', 'who', 'notes', 'photoIds', 'reportIds'] as const;
/** As much ahead as the server allows for a phone clock running fast. */
const skewMs = 10 * 60_000;

interface EventFormModalProps {
  open: boolean;
  lotId: string;
  onClose: () => void;
  onSaved: () => void;
}

export function EventFormModal({ open, lotId, onClose, onSaved }: EventFormModalProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [form] = Form.useForm<FormValues>();
  const add = useAddLotEvent();
  const [formError, setFormError] = useState<string>();
  const [uploading, setUploading] = useState(0);
  const kind = Form.useWatch('kind', form);
  const trackUploads = (busy: boolean) => setUploading((n) => Math.max(0, n + (busy ? 1 : -1)));

  const close = () => {
    setFormError(undefined);
    add.reset();
    onClose();
  };

  const send = async () => {
    const values = await form.validateFields();
    setFormError(undefined);
    const event: LotEventBody = {
      kind: values.kind,
      occurredAt: chinaLocalToIso(values.occurredAt)!,
      place: values.place?.trim() ?? '',
      who: values.who?.trim() ?? '',
      notes: values.notes?.trim() ?? '',
      photoIds: values.photoIds ?? [],
      // Reports picked before switching the step away from inspection are not sent.
      reportIds: values.kind === 'inspection' ? (values.reportIds ?? []) : [],
    };
    add.mutate(
      { lotId, event },
      {
        onSuccess: () => {
          form.resetFields();
          onSaved();
        },
        onError: (error) => {
          const fields = fieldErrorsFor(error, fieldNames, {
            LOT_DATE_IN_FUTURE: 'occurredAt',
            LOT_REPORTS_NEED_INSPECTION: 'reportIds',
            FILE_NOT_USABLE: 'photoIds',
          });
          form.setFields(fields);
          if (fields.length === 0) setFormError(errorMessage(error, t('common.requestFailed')));
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('lots.event.title')}
      okText={t('lots.event.submit')}
      okButtonProps={{ loading: add.isPending, disabled: uploading > 0 }}
      cancelText={t('common.cancel')}
      onOk={() => void send().catch(() => undefined)}
      onCancel={close}
      destroyOnHidden
      width={600}
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} role="alert" />}
      <Form<FormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'picking', occurredAt: isoToChinaLocal(), photoIds: [], reportIds: [] }}
        requiredMark="optional"
      >
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item name="kind" label={t('lots.event.kind')} style={{ flex: '1 1 140px' }} rules={[{ required: true }]}>
            <Select<LotEventKind> options={lotEventKinds.map((k) => ({ value: k, label: lotEventKindNames[k][language === 'en' ? 'en' : 'zh'] }))} />
          </Form.Item>
          <Form.Item
            name="occurredAt"
            label={t('lots.event.time')}
            style={{ flex: '1 1 220px' }}
            rules={[
              { required: true, message: t('lots.event.timeRequired') },
              {
                validator: (_, v: string | undefined) => {
                  const iso = v ? chinaLocalToIso(v) : undefined;
                  if (!v) return Promise.resolve();
                  if (!iso) return Promise.reject(new Error(t('lots.event.timeRequired')));
                  return new Date(iso).getTime() <= Date.now() + skewMs ? Promise.resolve() : Promise.reject(new Error(t('lots.event.timeFuture')));
                },
              },
            ]}
          >
            <Input type="datetime-local" max={isoToChinaLocal(new Date(Date.now() + skewMs))} />
          </Form.Item>
        </div>
        <Form.Item name="place" label={t('lots.event.place')}>
          <Input maxLength={100} placeholder={t('lots.event.placePlaceholder')} />
        </Form.Item>
        <Form.Item name="who" label={t('lots.event.who')}>
          <Input maxLength={60} placeholder={t('lots.event.whoPlaceholder')} />
        </Form.Item>
        <Form.Item name="notes" label={t('lots.event.notes')}>
          <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('lots.event.notesPlaceholder')} />
        </Form.Item>
        <Form.Item name="photoIds" label={t('lots.event.photos')} extra={t('lots.event.photosHelp')}>
          <FileListUpload purpose="lot_photo" accept={imageAccept} max={9} onUploadingChange={trackUploads} />
        </Form.Item>
        {kind === 'inspection' && (
          <Form.Item name="reportIds" label={t('lots.event.reports')} extra={t('lots.event.reportsHelp')}>
            <FileListUpload purpose="inspection_report" accept={documentAccept} max={5} onUploadingChange={trackUploads} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
